// Received fields travel as a list of [name, value] pairs with unique names: no prototype to
// pollute, received order kept, and sorting for the signature is explicit.

export type FieldEntries = ReadonlyArray<readonly [string, string]>;

/** A frozen, prototype-free record: `raw.constructor` is undefined unless the sender sent it. */
export function toRawRecord(entries: FieldEntries): Readonly<Record<string, string>> {
  return Object.freeze(toMutableRecord(entries) as Record<string, string>);
}

/** A prototype-free record; on such an object `__proto__` is an ordinary own property. */
export function toMutableRecord(entries: FieldEntries): Record<string, unknown> {
  const record = Object.create(null) as Record<string, unknown>;
  for (const [name, value] of entries) record[name] = value;
  return record;
}

export function fieldValue(entries: FieldEntries, name: string): string | undefined {
  for (const [key, value] of entries) if (key === name) return value;
  return undefined;
}

/** Field names for messages: a few, shortened, never values (they may carry personal data). */
export function describeNames(names: readonly string[]): string {
  const shown = names.slice(0, 5).map((name) => `\`${name.length > 40 ? `${name.slice(0, 40)}…` : name}\``);
  return names.length > 5 ? `${shown.join(', ')} and ${names.length - 5} more` : shown.join(', ');
}
