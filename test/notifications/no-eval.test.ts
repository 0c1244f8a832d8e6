// Workers and Vercel Edge forbid eval/new Function; `node --disallow-code-generation-from-strings`
// reproduces that. Proves the precompiled validator, and the whole bundled notifications entry,
// work there.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chinaums-no-eval-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs an ES module under the flag and returns what it printed as JSON. */
async function runWithoutEval(name: string, source: string, args: string[] = []): Promise<unknown> {
  const file = join(dir, name);
  await writeFile(file, source);
  const { stdout } = await run(process.execPath, ['--disallow-code-generation-from-strings', file, ...args], { cwd: root });
  return JSON.parse(stdout);
}

const PROBE = `let evalBlocked = false; try { new Function('return 1'); } catch { evalBlocked = true; }`;

describe('no code generation from strings', () => {
  it('the generated validator accepts the vendor example and rejects a mistyped one', async () => {
    const validator = pathToFileURL(join(root, 'generated/validators/payment-notification.js')).href;
    const typed = { ...VENDOR_FIELDS, sign: 'X', totalAmount: 1, invoiceAmount: 1, receiptAmount: 1, buyerPayAmount: 1 };
    const output = await runWithoutEval(
      'validator.mjs',
      `${PROBE}
import { validatePaymentNotification } from ${JSON.stringify(validator)};
const good = ${JSON.stringify(typed)};
const okGood = validatePaymentNotification(good);
const okBad = validatePaymentNotification({ ...good, totalAmount: 'one fen' });
const paths = (validatePaymentNotification.errors ?? []).map((e) => e.instancePath);
console.log(JSON.stringify({ evalBlocked, okGood, okBad, paths }));`,
    );
    expect(output).toMatchObject({ evalBlocked: true, okGood: true, okBad: false });
    // The schema is a union of notification kinds: each kind reports the field (and the union itself, at the root).
    expect(new Set((output as { paths: string[] }).paths.filter((path) => path !== ''))).toEqual(new Set(['/totalAmount']));
  });

  it('the bundled notifications entry verifies the vendor example and answers SUCCESS', async () => {
    const bundle = join(dir, 'notifications.mjs');
    await run(
      join(root, 'node_modules/.bin/esbuild'),
      [join(root, 'src/notifications/index.ts'), '--bundle', '--format=esm', '--platform=neutral', `--outfile=${bundle}`, '--log-level=warning'],
      { cwd: root },
    );
    const output = await runWithoutEval(
      'verify.mjs',
      `${PROBE}
import { createNotificationHandler, verifyNotification } from './notifications.mjs';
const [body, key] = process.argv.slice(2);
const good = await verifyNotification(body, { key });
const bad = await verifyNotification(body.replace('totalAmount=1', 'totalAmount=2'), { key });
const tooLarge = await verifyNotification(body, { key, maxBodyBytes: 10 });
const handle = createNotificationHandler({ key, onNotification: () => undefined });
const response = await handle(new Request('http://127.0.0.1/', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
console.log(JSON.stringify({
  evalBlocked,
  ok: good.ok,
  totalAmount: good.ok ? good.notification.totalAmount : good.message,
  bad: bad.ok ? 'ok' : bad.reason,
  tooLarge: tooLarge.ok ? 'ok' : tooLarge.reason,
  answer: await response.text(),
}));`,
      [vendorFormBody(), VENDOR_KEY],
    );
    expect(output).toEqual({ evalBlocked: true, ok: true, totalAmount: 1, bad: 'bad-signature', tooLarge: 'body-too-large', answer: 'SUCCESS' });
  });
});
