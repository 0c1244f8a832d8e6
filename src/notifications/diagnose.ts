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

interface Hypothesis {
  readonly entries: FieldEntries;
  readonly signType: NotificationSignType;
  readonly keys: readonly string[];
  readonly explanation: string;
}

const ESCAPE = /%[0-9A-Fa-f]{2}/;

/** One more form decoding: `+` is a space, then `%xx`; malformed escapes are left as they are. */
function decodeOnceMore(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function mapValues(entries: FieldEntries, change: (value: string) => string): FieldEntries {
  return entries.map(([name, value]): readonly [string, string] => [name, name === 'sign' ? value : change(value)]);
}

function namesWhere(entries: FieldEntries, test: (value: string) => boolean): string[] {
  return entries.filter(([name, value]) => name !== 'sign' && test(value)).map(([name]) => name);
}

function keyPositions(indexes: readonly number[], total: number): string {
  if (total === 1) return 'The key';
  return `Key${indexes.length > 1 ? 's' : ''} #${indexes.join(', #')}`;
}

function hypotheses(input: DiagnosisInput): Hypothesis[] {
  const { parsed, keys, signType, declaredSignType, sign } = input;
  const entries = entriesOf(parsed.fields);
  const list: Hypothesis[] = [];
  const base = { entries, signType, keys };

  const padded = keys.map((key, i) => (key !== key.trim() ? i : -1)).filter((i) => i >= 0);
  if (padded.length > 0) {
    list.push({
      ...base,
      keys: keys.map((key) => key.trim()),
      explanation:
        `${keyPositions(padded, keys.length)} ha${padded.length > 1 ? 've' : 's'} leading or trailing whitespace, and the trimmed key ` +
        `verifies this notification: remove the whitespace from your configuration (env files and copy-paste add it).`,
    });
  }

  if (declaredSignType === undefined) {
    const guess: NotificationSignType = sign.length === 32 ? 'MD5' : 'SHA256';
    list.push({
      ...base,
      signType: guess,
      entries: [...entries, ['signType', guess]],
      explanation:
        `The sign verifies once \`signType=${guess}\` is put back: the platform signed it, and you (or your proxy) ` +
        `dropped signType before verifying. Pass every received field, unchanged.`,
    });
  } else {
    list.push({
      ...base,
      entries: entries.filter(([name]) => name !== 'signType'),
      explanation:
        'The sign matches the fields without signType: the sender left signType out of its string to sign ' +
        '(a known bug of some SDKs and test tools). The platform includes it, and so does this SDK.',
    });
  }

  const escaped = namesWhere(entries, (value) => ESCAPE.test(value));
  if (escaped.length > 0) {
    list.push({
      ...base,
      entries: mapValues(entries, decodeOnceMore),
      explanation:
        parsed.format === 'form'
          ? `The body arrived URL-encoded twice (${describeNames(escaped)} still contain %xx escapes after one ` +
            'decoding, and decoding again verifies): a proxy or framework re-encoded it. Pass the body exactly as received.'
          : `The values you passed are still URL-encoded (${describeNames(escaped)} contain %xx escapes, and ` +
            'decoding them verifies). Pass the raw body, or decode it exactly once with URLSearchParams.',
    });
  }

  if (parsed.format === 'form' && parsed.formText?.includes('+')) {
    // Read with `+` literal: the body already passed the field cap.
    const flat = splitForm(parsed.formText, Infinity, false);
    const literalPlus = flat && collectFlat(flat);
    if (literalPlus?.ok) {
      list.push({
        ...base,
        entries: entriesOf(literalPlus.fields),
        explanation:
          'The sign matches only when `+` in the body is read as a literal plus: whoever built this body did not ' +
          'percent-encode `+` (form encoding writes it %2B; a bare `+` means a space). Check any proxy or forwarder that rebuilds the body.',
      });
    }
  }

  if (parsed.format !== 'form') {
    if (namesWhere(entries, (value) => value.includes('+')).length > 0) {
      list.push({
        ...base,
        entries: mapValues(entries, (value) => value.replace(/\+/g, ' ')),
        explanation:
          'The sign matches when `+` is read as a space: your parser kept `+` as a plus, but in a form body `+` ' +
          'means a space (decodeURIComponent gets this wrong; URLSearchParams gets it right). Decode the raw body with URLSearchParams.',
      });
    }
    if (namesWhere(entries, (value) => value.includes(' ')).length > 0) {
      list.push({
        ...base,
        entries: mapValues(entries, (value) => value.replace(/ /g, '+')),
        explanation:
          'The sign matches when spaces are read back as `+`: the body held a literal `+` that was decoded as a ' +
          'space, so the sender did not percent-encode `+` (it must write %2B). Check any proxy or forwarder that rebuilds the body.',
      });
    }
  }
  return list;
}

function hints(input: DiagnosisInput): string[] {
  const { parsed, sign, signType, keys } = input;
  const notes: string[] = [];
  const padded = keys.some((key) => key !== key.trim());
  if (padded) notes.push('A configured key has leading or trailing whitespace (trimming it does not verify either).');
  if (!/^[0-9A-Fa-f]*$/.test(sign)) {
    notes.push('The sign is not hexadecimal.');
  } else {
    const expected = signType === 'MD5' ? 32 : 64;
    if (sign.length !== expected) {
      notes.push(`The sign has ${sign.length} hex digits; ${signType} gives ${expected}${sign.length === 32 ? ' (32 is an MD5 length: check signType)' : ''}.`);
    }
    if (/[a-f]/.test(sign)) notes.push('The sign is in lowercase hex; that is not the problem (signs are compared ignoring case).');
  }
  if (parsed.renderedFields.length > 0) {
    notes.push(
      `${describeNames(parsed.renderedFields)} were not strings in the JSON body; they were signed as String(value) ` +
        '(numbers) or JSON.stringify (objects) because their exact source text is not available. If the sender signed ' +
        'another spelling (e.g. `1.0`), it cannot verify: ask for string values or a form body.',
    );
  }
  const entries = entriesOf(parsed.fields);
  const replaced = namesWhere(entries, (value) => value.includes('\uFFFD'));
  if (replaced.length > 0) {
    notes.push(`${describeNames(replaced)} contain U+FFFD: their %xx escapes were not UTF-8 (a GBK-encoded body?).`);
  }
  const escaped = namesWhere(entries, (value) => ESCAPE.test(value));
  if (escaped.length > 0) notes.push(`${describeNames(escaped)} still contain %xx escapes (decoding them again does not verify either).`);
  return notes;
}

/**
 * Bodies up to this many characters of fields get the hypotheses tested (each costs about one
 * more verification). A real notification is 1–3 KB; past this a forged body could make every
 * refusal cost many times a realistic one, so only the hints (one scan each) are given.
 */
export const DIAGNOSIS_MAX_CHARS = 8 * 1024;

function fieldChars(parsed: ParsedNotification): number {
  const { names, values } = parsed.fields;
  let total = 0;
  for (let i = 0; i < names.length; i++) total += names[i]!.length + values[names[i]!]!.length;
  return total;
}

/** A teaching message for a sign that did not verify. */
export async function diagnoseBadSignature(input: DiagnosisInput): Promise<string> {
  const received = input.parsed.fields.names.length;
  const small = fieldChars(input.parsed) <= DIAGNOSIS_MAX_CHARS;
  // Only a hex sign can match (findMatchingKey compares hex); any other still gets the hints below.
  for (const hypothesis of small && isHex(input.sign) ? hypotheses(input) : []) {
    const match = await findMatchingKey(fieldSetOf(hypothesis.entries), input.sign, hypothesis.signType, hypothesis.keys, input.crypto);
    if (match) return `Bad signature. ${hypothesis.explanation}`;
  }
  const tried = input.keys.length === 1 ? 'The configured key does not produce' : `None of the ${input.keys.length} configured keys produces`;
  const general =
    `Bad signature. ${tried} this ${input.signType} sign over the ${received} received fields ` +
    '(all of them except sign, sorted by name, key appended). Check that it is the notification (communication) key ' +
    'for this merchant (not the appKey) and that every received field reached the verifier unchanged.';
  const notes = hints(input);
  if (!small) notes.push(`(The body is over ${DIAGNOSIS_MAX_CHARS} characters, so the usual encoding mistakes were not tested.)`);
  return notes.length > 0 ? `${general} ${notes.join(' ')}` : general;
}
