import type { FieldSet } from './fields.js';
import type { NotificationSignType } from './types.js';

/** The vendor text says empty values are left out; some peers include them. */
export type EmptyValuePolicy = 'omit' | 'include';

/**
 * `k1=v1&k2=v2&…` over every field but `sign`, in `fields.sorted` order: by name, never by `k=v`
 * string (`a-b=1` would sort before `a=2`), UTF-16 code units, which for the platform's ASCII names
 * is byte order (uppercase first). The key is appended by the caller, with no `&`.
 */
export function joinFields(fields: FieldSet, emptyValues: EmptyValuePolicy): string {
  const { sorted: names, values } = fields;
  let text = '';
  let first = true;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = values[name]!;
    if (name === 'sign' || (value === '' && emptyValues === 'omit')) continue;
    text += first ? `${name}=${value}` : `&${name}=${value}`;
    first = false;
  }
  return text;
}

export function hasEmptyValue(fields: FieldSet): boolean {
  const { names, values } = fields;
  for (let i = 0; i < names.length; i++) if (values[names[i]!] === '' && names[i] !== 'sign') return true;
  return false;
}

/**
 * The algorithm `signType` names, read case-insensitively (the value itself is signed as
 * received); undefined means unsupported. Absent or empty: see `signTypeWithout`.
 */
export function resolveSignType(signType: string): NotificationSignType | undefined {
  const normalized = signType.toUpperCase();
  if (normalized === 'MD5') return 'MD5';
  if (normalized === 'SHA256' || normalized === 'SHA-256') return 'SHA256';
  return undefined;
}

/**
 * Without a signType the vendor documents disagree (2020–21: MD5; a 2022 revision: SHA256), so
 * either is accepted, and the sign's length tells which one it can be (32 or 64 hex digits).
 */
export function signTypeWithout(sign: string): NotificationSignType {
  return sign.length === 32 ? 'MD5' : 'SHA256';
}

export function isAbsent(signType: string | undefined): signType is '' | undefined {
  return signType === undefined || signType === '';
}
