// Inputs the sandbox takes from its users (control routes, seed files, options), read strictly:
// each reader names the field it rejects, with a SandboxInputError.

/**
 * A control-route or seed input the sandbox cannot use, or a scenario step the order's state does
 * not allow. `status` is the HTTP status the control routes answer with.
 */
export class SandboxInputError extends Error {
  override name = 'SandboxInputError';
  constructor(
    readonly code: 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
  }

  get status(): number {
    return this.code === 'NOT_FOUND' ? 404 : this.code === 'CONFLICT' ? 409 : 400;
  }
}

export type JsonRecord = Readonly<Record<string, unknown>>;

export function asRecord(value: unknown, what: string): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SandboxInputError('INVALID_INPUT', `${what} must be a JSON object.`);
  }
  return value as JsonRecord;
}

export function optionalString(record: JsonRecord, name: string, what: string): string | undefined {
  const value = record[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new SandboxInputError('INVALID_INPUT', `${what}.${name} must be a non-empty string.`);
  return value;
}

export function requiredString(record: JsonRecord, name: string, what: string): string {
  const value = optionalString(record, name, what);
  if (value === undefined) throw new SandboxInputError('INVALID_INPUT', `${what}.${name} is required (a non-empty string).`);
  return value;
}

export function optionalPositiveInteger(record: JsonRecord, name: string, what: string, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const value = record[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > max) {
    throw new SandboxInputError('INVALID_INPUT', `${what}.${name} must be a positive integer${max < Number.MAX_SAFE_INTEGER ? ` ≤ ${max}` : ''}.`);
  }
  return value;
}

export function requiredPositiveInteger(record: JsonRecord, name: string, what: string): number {
  const value = optionalPositiveInteger(record, name, what);
  if (value === undefined) throw new SandboxInputError('INVALID_INPUT', `${what}.${name} is required (a positive integer).`);
  return value;
}

export function optionalOneOf<T extends string>(record: JsonRecord, name: string, what: string, allowed: readonly T[]): T | undefined {
  const value = record[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new SandboxInputError('INVALID_INPUT', `${what}.${name} must be one of ${allowed.join(', ')}.`);
  }
  return value as T;
}

export function optionalArray(record: JsonRecord, name: string, what: string): readonly unknown[] {
  const value = record[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new SandboxInputError('INVALID_INPUT', `${what}.${name} must be an array.`);
  return value;
}
