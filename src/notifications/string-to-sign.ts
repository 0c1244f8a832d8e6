import type { FieldEntries } from './fields.js';
import type { NotificationSignType } from './types.js';

/** The vendor text says empty values are left out; some peers include them. */
export type EmptyValuePolicy = 'omit' | 'include';

// Comparing names (never `k=v` strings: `ab=1` vs `a=1` would sort differently) by UTF-16 code
// unit, which for the platform's ASCII names is byte order: uppercase before lowercase.
function byName(a: readonly [string, string], b: readonly [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/**
 * `k1=v1&k2=v2&…` over every field except `sign` (signType and unknown fields included), sorted
 * by name. The key is appended by the caller directly, with no `&` in between.
 */
export function stringToSign(entries: FieldEntries, emptyValues: EmptyValuePolicy): string {
  // filter() already copies, so sorting in place leaves `entries` untouched; one pass joins.
  const kept = entries.filter(([name, value]) => name !== 'sign' && (emptyValues === 'include' || value !== '')).sort(byName);
  let text = '';
  for (let i = 0; i < kept.length; i++) text += `${i === 0 ? '' : '&'}${kept[i]![0]}=${kept[i]![1]}`;
  return text;
}

export function hasEmptyValue(entries: FieldEntries): boolean {
  return entries.some(([name, value]) => name !== 'sign' && value === '');
}

/**
 * The algorithm `signType` names, read case-insensitively (the value itself is signed as
 * received). Absent or empty means SHA256; undefined means unsupported.
 */
export function resolveSignType(signType: string | undefined): NotificationSignType | undefined {
  if (signType === undefined || signType === '') return 'SHA256';
  const normalized = signType.toUpperCase();
  if (normalized === 'MD5') return 'MD5';
  if (normalized === 'SHA256' || normalized === 'SHA-256') return 'SHA256';
  return undefined;
}
