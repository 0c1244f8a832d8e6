// When a sign does not verify, tests the usual integration mistakes one by one, each against the
// configured keys, so the message can say which one it was. Messages name fields and key
// positions only: never a key, never a received value.
import { isHex } from '../crypto/encoding.js';
import type { CryptoProvider } from '../crypto/provider.js';
import type { FieldEntries } from './fields.js';
import { collectFlat, describeNames, entriesOf, fieldSetOf } from './fields.js';
import { splitForm } from './form.js';
import { findMatchingKey } from './match.js';
import type { ParsedNotification } from './parse.js';
import type { NotificationSignType } from './types.js';

export interface DiagnosisInput {
  readonly parsed: ParsedNotification;
  /** The received sign, as received. */
  readonly sign: string;
  /** The received signType field, if any. */
  readonly declaredSignType: string | undefined;
  readonly signType: NotificationSignType;
  readonly keys: readonly string[];
  readonly crypto: CryptoProvider;
}

/** One mistake: the fields (and keys, signType) that would verify if it was made, and what to say then. */
type Hypothesis = readonly [entries: FieldEntries | undefined, explanation: string, keys?: readonly string[], signType?: NotificationSignType];

const ESCAPE = /%[0-9A-Fa-f]{2}/;
const FIX_SENDER = 'Check any proxy or forwarder that rebuilds the body.';

/** One more form decoding: `+` is a space, then `%xx`; malformed escapes are left as they are. */
function decodeOnceMore(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The entries with every value but the sign changed, or undefined when no value changes. */
function changed(entries: FieldEntries, change: (value: string) => string): FieldEntries | undefined {
  let any = false;
  const out = entries.map(([name, value]): readonly [string, string] => {
    const next = name === 'sign' ? value : change(value);
    any ||= next !== value;
    return [name, next];
  });
  return any ? out : undefined;
}

function namesWhere(entries: FieldEntries, test: (value: string) => boolean): string[] {
  return entries.filter(([name, value]) => name !== 'sign' && test(value)).map(([name]) => name);
}

function hypotheses({ parsed, keys, declaredSignType, sign }: DiagnosisInput, entries: FieldEntries): Hypothesis[] {
  const form = parsed.format === 'form';
  const padded = keys.flatMap((key, i) => (key !== key.trim() ? [i] : []));
  const list: Hypothesis[] = [];
  if (padded.length > 0) {
    const which = keys.length === 1 ? 'The key has' : `Key${padded.length > 1 ? 's' : ''} #${padded.join(', #')} ha${padded.length > 1 ? 've' : 's'}`;
    list.push([entries, `${which} leading or trailing whitespace, and the trimmed key verifies: remove it from your configuration.`, keys.map((key) => key.trim())]);
  }
  if (declaredSignType === undefined) {
    const guess: NotificationSignType = sign.length === 32 ? 'MD5' : 'SHA256';
    list.push([[...entries, ['signType', guess]], `It verifies with \`signType=${guess}\` put back: you (or your proxy) dropped signType. Pass every received field unchanged.`, keys, guess]);
  } else {
    list.push([entries.filter(([name]) => name !== 'signType'), 'It verifies without signType: the sender left signType out of its string to sign (a bug of some SDKs and test tools).']);
  }
  const escaped = namesWhere(entries, (value) => ESCAPE.test(value));
  if (escaped.length > 0) {
    list.push([
      changed(entries, decodeOnceMore),
      form
        ? `The body arrived URL-encoded twice (${describeNames(escaped)} decode again and verify): pass the body exactly as received.`
        : `The values are still URL-encoded (${describeNames(escaped)} decode and verify): pass the raw body, or decode it once with URLSearchParams.`,
    ]);
  }
  if (form) {
    // Read with `+` literal: the body already passed the field cap.
    const flat = parsed.formText?.includes('+') ? splitForm(parsed.formText, Infinity, false) : undefined;
    const literal = flat && collectFlat(flat);
    if (literal?.ok) list.push([entriesOf(literal.fields), `It verifies only with \`+\` read as a literal plus: the sender did not encode \`+\` as %2B. ${FIX_SENDER}`]);
  } else {
    list.push(
      [changed(entries, (value) => value.replace(/\+/g, ' ')), 'It verifies when `+` is read as a space, as form encoding means: decode the raw body with URLSearchParams.'],
      [changed(entries, (value) => value.replace(/ /g, '+')), `It verifies with spaces read back as \`+\`: the sender did not encode \`+\` as %2B. ${FIX_SENDER}`],
    );
  }
  return list;
}

function hints({ parsed, sign, signType, keys }: DiagnosisInput, entries: FieldEntries): string[] {
  const notes: string[] = [];
  if (keys.some((key) => key !== key.trim())) notes.push('A configured key has leading or trailing whitespace (trimmed, it does not verify either).');
  if (!isHex(sign)) notes.push('The sign is not hexadecimal.');
  else {
    const expected = signType === 'MD5' ? 32 : 64;
    if (sign.length !== expected) notes.push(`The sign has ${sign.length} hex digits; ${signType} gives ${expected}${sign.length === 32 ? ' (32 is an MD5 length: check signType)' : ''}.`);
    if (/[a-f]/.test(sign)) notes.push('The sign is in lowercase hex; that is not the problem (case is ignored).');
  }
  if (parsed.renderedFields.length > 0) {
    notes.push(`${describeNames(parsed.renderedFields)} were not strings in the JSON body; they were signed as String(value) or JSON.stringify, so another spelling (\`1.0\`) cannot verify.`);
  }
  const replaced = namesWhere(entries, (value) => value.includes('\uFFFD'));
  if (replaced.length > 0) notes.push(`${describeNames(replaced)} contain U+FFFD: their %xx escapes were not UTF-8 (a GBK body?).`);
  const escaped = namesWhere(entries, (value) => ESCAPE.test(value));
  if (escaped.length > 0) notes.push(`${describeNames(escaped)} still contain %xx escapes (decoded again, they do not verify either).`);
  return notes;
}

/**
 * Bodies up to this many characters of fields get the hypotheses tested (each costs about one
 * more verification). A real notification is 1–3 KB; past this a forged body could make every
 * refusal cost many times a realistic one, so only the hints (one scan each) are given.
 */
export const DIAGNOSIS_MAX_CHARS = 8 * 1024;

/** A teaching message for a sign that did not verify. */
export async function diagnoseBadSignature(input: DiagnosisInput): Promise<string> {
  const { parsed, keys } = input;
  const entries = entriesOf(parsed.fields);
  let chars = 0;
  for (const [name, value] of entries) chars += name.length + value.length;
  const small = chars <= DIAGNOSIS_MAX_CHARS;
  // Only a hex sign can match (findMatchingKey compares hex); any other still gets the hints below.
  for (const [tried, explanation, withKeys = keys, signType = input.signType] of small && isHex(input.sign) ? hypotheses(input, entries) : []) {
    if (tried && (await findMatchingKey(fieldSetOf(tried), input.sign, signType, withKeys, input.crypto))) return `Bad signature. ${explanation}`;
  }
  const notes = [
    `Bad signature. ${keys.length === 1 ? 'The configured key does not produce' : `None of the ${keys.length} configured keys produces`} this ${input.signType} sign over the ` +
      `${entries.length} received fields (all but sign, sorted by name, key appended). Check that it is the notification (communication) key, not the appKey, ` +
      'and that every received field reached the verifier unchanged.',
    ...hints(input, entries),
  ];
  if (!small) notes.push(`(The body is over ${DIAGNOSIS_MAX_CHARS} characters, so the usual encoding mistakes were not tested.)`);
  return notes.join(' ');
}
