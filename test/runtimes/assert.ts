// Minimal assertions on web standards only (no node:assert), so the contract runs anywhere.

export class ContractFailure extends Error {
  override name = 'ContractFailure';
}

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ContractFailure(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new ContractFailure(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export async function rejects(action: () => Promise<unknown>, check: (error: unknown) => boolean, what: string): Promise<void> {
  try {
    await action();
  } catch (error) {
    ok(check(error), `${what}: wrong error ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return;
  }
  throw new ContractFailure(`${what}: expected a rejection, got none`);
}
