// Run in a fresh process by first-result.mjs, on Node, Deno or Bun (web APIs only, plus the
// runtime's argv): imports one built entry and produces its first result, timing both steps.
//   <runtime> first-result-probe.mjs sign|verify <entry file URL> [notification body]
//   <runtime> first-result-probe.mjs resolve      (which dist files the exports map picks here)
import { NOTIFY_KEY, SIGNING_VECTOR } from './fixtures.mjs';

const [task, entry, body] = globalThis.Deno ? globalThis.Deno.args : process.argv.slice(2);
if (task === 'resolve') {
  const resolved = (specifier) => import.meta.resolve(specifier).replace(/^.*\/dist\//, 'dist/');
  console.log(`FIRST_JSON ${JSON.stringify({ ok: true, resolved: { chinaums: resolved('chinaums'), 'chinaums/notifications': resolved('chinaums/notifications') } })}`);
  process.exit(0);
}
const started = performance.now();
const sdk = await import(entry);
const imported = performance.now();
let ok;
if (task === 'sign') {
  const header = await sdk.createOpenBodySignature(SIGNING_VECTOR);
  ok = header.endsWith(`Signature="${SIGNING_VECTOR.signature}"`);
} else {
  const result = await sdk.verifyNotification(body, { key: NOTIFY_KEY });
  ok = result.ok === true;
}
const done = performance.now();
console.log(`FIRST_JSON ${JSON.stringify({ ok, importMs: imported - started, firstMs: done - imported })}`);
