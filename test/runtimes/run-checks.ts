// Runs the contract and returns plain JSON, the only thing a runtime host has to pass back.
import { checks, sandboxChecks, type ContractContext } from './contract.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly ms: number;
  readonly error?: string;
}

export interface ContractReport {
  readonly runtime: string;
  readonly results: readonly CheckResult[];
}

const CHECK_TIMEOUT_MS = 10_000;

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name}: no result within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function runContract(runtime: string, context: ContractContext): Promise<ContractReport> {
  const results: CheckResult[] = [];
  // One at a time: the checks are quick, and a failure message then belongs to one check.
  for (const check of context.sandboxUrl ? [...checks, ...sandboxChecks] : checks) {
    const started = Date.now();
    try {
      await withTimeout(check.run(context), CHECK_TIMEOUT_MS, check.name);
      results.push({ name: check.name, ok: true, ms: Date.now() - started });
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      results.push({ name: check.name, ok: false, ms: Date.now() - started, error: message });
    }
  }
  return { runtime, results };
}

/** The line hosts print and the orchestrator parses (anything else on stdout is ignored). */
export const REPORT_PREFIX = 'CONTRACT-REPORT ';
