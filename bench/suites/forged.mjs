// Forged notifications (a wrong sign, as anyone without the key can send) of every costly shape
// within the default size limit. Each is timed against a forged realistic one in the same rounds:
// whatever the shape, refusing it must cost at most ~10× refusing a realistic forgery, or a few
// senders could exhaust a server's CPU without the key.
import { NOTIFY_FIELDS } from './fixtures.mjs';

const FORGED_SIGN = 'A'.repeat(64);
/** Just under the default maxBodyBytes (64 KiB), so every shape is read and parsed, not refused for size. */
const BUDGET = 64 * 1024 - 64;

/** `count` fields whose values fill the budget, made by `value(length)`. */
function formFields(count, value) {
  const per = Math.floor(BUDGET / count) - 6;
  const parts = [`sign=${FORGED_SIGN}`];
  for (let i = 0; i < count; i++) parts.push(`f${i.toString(36)}=${value(per)}`);
  return parts.join('&').slice(0, BUDGET).replace(/%[^&]{0,2}$/, '');
}

function jsonFields(count, value) {
  const record = { sign: FORGED_SIGN };
  for (let i = 0; i < count; i++) record[`f${i}`] = value;
  return JSON.stringify(record);
}

export const forgedBodies = [
  { id: 'realistic', label: 'forged realistic notification (26 fields, 0.8 KB) (baseline)', body: new URLSearchParams({ ...NOTIFY_FIELDS, sign: FORGED_SIGN }).toString() },
  { id: 'fields', label: '12 000 one-character fields (refused: maxFields)', body: formFields(12_000, () => '1') },
  { id: 'maxfields', label: 'sign + 255 fields (maxFields), 64 KiB', body: formFields(255, (n) => 'a'.repeat(n)) },
  { id: 'huge', label: 'one 64 KiB field', body: `sign=${FORGED_SIGN}&x=${'a'.repeat(BUDGET - 80)}` },
  { id: 'percent', label: '64 KiB of %xx escapes (double-encoding check)', body: formFields(200, (n) => '%2541'.repeat(Math.floor(n / 5))) },
  { id: 'plus', label: '64 KiB of + (plus/space checks)', body: formFields(200, (n) => '+'.repeat(n)) },
  { id: 'invalid', label: '64 KiB of escapes that are not UTF-8 (general parser)', body: formFields(200, (n) => '%ED%A0%80'.repeat(Math.floor(n / 9))) },
  { id: 'json.keys', label: 'JSON, 5 000 keys (refused: maxFields)', body: jsonFields(5_000, '1') },
  { id: 'json.spaces', label: 'JSON, 250 keys of spaces and +', body: jsonFields(250, ' +'.repeat(115)) },
  { id: 'json.deep', label: 'JSON nested 20 000 deep (refused)', body: `{"sign":"${FORGED_SIGN}","x":${'['.repeat(20_000)}${']'.repeat(20_000)}}` },
];
