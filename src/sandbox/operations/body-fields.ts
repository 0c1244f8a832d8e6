// Readers for a validated request body. The spec accepts amounts as numbers or numeric strings
// (the vendor's examples print `"totalAmount":"1"`), so values are read leniently here.
type Body = Readonly<Record<string, unknown>>;

export function text(body: Body, name: string): string | undefined {
  const value = body[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** An amount in fen: a safe non-negative integer, from a number or a string of digits. */
export function fen(body: Body, name: string): number | undefined {
  const value = body[name];
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/** `true`, or the strings `"true"` the vendor documents use for booleans. */
export function flag(body: Body, name: string): boolean {
  const value = body[name];
  return value === true || value === 'true';
}
