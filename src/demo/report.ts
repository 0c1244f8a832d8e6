// The demo's account of what it does: numbered steps, what was sent, the key fields of each answer.
// Only ids, amounts and statuses are printed: never an appKey, a notify key or a signature.

export class DemoStepError extends Error {
  override name = 'DemoStepError';
}

export class Report {
  #step = 0;
  #current = '';

  constructor(private readonly write: (line: string) => void) {}

  get currentStep(): string {
    return this.#current;
  }

  get steps(): number {
    return this.#step;
  }

  title(text: string): void {
    this.write(text);
  }

  step(text: string): void {
    this.#step += 1;
    this.#current = `${this.#step}. ${text}`;
    this.write('');
    this.write(this.#current);
  }

  line(label: string, value: string): void {
    this.write(`   ${label.padEnd(13)}${value}`);
  }

  note(text: string): void {
    this.write(`   note: ${text}`);
  }
}

/** `status TRADE_SUCCESS, totalAmount 1`: the named fields that are present. */
export function keyFields(answer: unknown, names: readonly string[]): string {
  const record = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  return names
    .filter((name) => record[name] !== undefined && record[name] !== '')
    .map((name) => `${name} ${typeof record[name] === 'object' ? JSON.stringify(record[name]) : String(record[name])}`)
    .join(', ');
}

/** Fails the step unless the answer's field has the expected value. */
export function expectField(answer: unknown, path: readonly string[], expected: unknown): void {
  let value: unknown = answer;
  for (const key of path) value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  if (value !== expected) {
    throw new DemoStepError(`expected ${path.join('.')} to be ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
  }
}
