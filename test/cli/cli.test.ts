import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../../src/sandbox/node.js';
import { encodeNotificationForm, signNotification } from '../../src/notifications/index.js';
import { VENDOR_FIELDS, VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';
import { buildEntry, runNode, type BuiltEntry } from './build-entry.js';

// Tests here start several node processes each: on a loaded two-core machine that outlasts the
// default 20 s. The bound is for a hung process, not a slow one.
vi.setConfig({ testTimeout: 120_000 });

let cli: BuiltEntry;
let sandbox: SandboxServer;
let scratch: string;

beforeAll(async () => {
  [cli, sandbox, scratch] = await Promise.all([
    buildEntry('src/cli/main.ts', 'chinaums'),
    startSandboxServer(),
    mkdtemp(join(tmpdir(), 'chinaums-cli-')),
  ]);
});
afterAll(async () => {
  await Promise.all([cli?.remove(), sandbox?.close(), scratch ? rm(scratch, { recursive: true, force: true }) : undefined]);
});

const run = (args: readonly string[], options?: Parameters<typeof runNode>[2]) => runNode(cli.file, args, options);

/** A usage error: exit 2, exactly one line on stderr, no stack trace. */
function expectUsageError(result: Awaited<ReturnType<typeof run>>, pattern: RegExp) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('chinaums sign', () => {
  const vendor = ['--app-id', '12345678901234567890123456789012', '--timestamp', '20170101120000', '--nonce', '09876543210987654321098765432109'];

  it('reproduces the vendor example from protocol.md §1 exactly', async () => {
    const result = await run(['sign', ...vendor, '--app-key', '67890123456789012345678901234567', '--body', 'A']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^signature\s+GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR\/Dy08=/m);
    expect(result.stdout).toMatch(/^bodyDigest\s+559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd/m);
    expect(result.stdout).toMatch(
      /^stringToSign\s+123456789012345678901234567890122017010112000009876543210987654321098765432109559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd/m,
    );
    expect(result.stdout).toContain(
      'Authorization: OPEN-BODY-SIG AppId="12345678901234567890123456789012", Timestamp="20170101120000", Nonce="09876543210987654321098765432109", Signature="GINsCTyNKTpEI9KXO16KqZJ64fOyAytEKl8aaR/Dy08="',
    );
    expect(result.stdout).not.toContain('67890123456789012345678901234567');
  });

  it('signs the exact bytes of --body-file, takes the key from the environment, defaults timestamp and nonce', async () => {
    const file = join(scratch, 'body.bin');
    await writeFile(file, 'A');
    const result = await run(['sign', '--app-id', '12345678901234567890123456789012', '--body-file', file], {
      env: { CHINAUMS_APP_KEY: '67890123456789012345678901234567' },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^timestamp\s+\d{14}$/m);
    expect(result.stdout).toMatch(/^nonce\s+[0-9a-f]{32}$/m);
    expect(result.stdout).toMatch(/^bodyDigest\s+559aead08264d5795d3909718cdd05abd49572e84fe55590eef31a88a08fdffd/m);
  });

  it('usage errors: missing key, missing body, bad timestamp, unknown flag, unreadable file', async () => {
    expectUsageError(await run(['sign', ...vendor, '--body', 'A']), /--app-key is required \(or set CHINAUMS_APP_KEY\)/);
    expectUsageError(await run(['sign', ...vendor, '--app-key', 'k']), /--body '…' or --body-file FILE is required/);
    expectUsageError(await run(['sign', '--app-id', 'a', '--app-key', 'k', '--timestamp', '2017-01-01', '--body', 'A']), /yyyyMMddHHmmss/);
    expectUsageError(await run(['sign', '--bogus']), /^chinaums: sign: Unknown option '--bogus'/);
    expectUsageError(await run(['sign', ...vendor, '--app-key', 'k', '--body-file', join(scratch, 'missing.json')]), /cannot read .*missing\.json \(ENOENT\)/);
  });
});

describe('chinaums verify-notification', () => {
  it('accepts the vendor notification (protocol.md §4) from a file and shows the signed string with the key masked', async () => {
    const file = join(scratch, 'vendor.form');
    await writeFile(file, `${vendorFormBody()}\n`);
    const result = await run(['verify-notification', '--key', VENDOR_KEY, file]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^verdict\s+VERIFIED \(SHA256, notifyId e82a0275-f767-4f77-90c2-614c91222275\)/m);
    expect(result.stdout).toMatch(/^signed\s+billFunds=现金支付0\.01元。&buyerId=o8wNP0RtDiUq4NzMZyAGK5psp6hs&.*&totalAmount=1<md5Key>$/m);
    expect(result.stdout).not.toContain(VENDOR_KEY);
  });

  it('a genuine notification with values the spec does not document is VERIFIED, its problems listed', async () => {
    const fields = { ...VENDOR_FIELDS, status: 'TRADE_PENDING' };
    const input = encodeNotificationForm({ ...fields, sign: await signNotification(fields, { key: VENDOR_KEY }) });
    const result = await run(['verify-notification', '--key', VENDOR_KEY], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^verdict\s+VERIFIED/m);
    expect(result.stdout).toMatch(/^problems\s+status is not one of the documented values/m);
  });

  it('reads stdin and rejects a tampered notification with exit 1', async () => {
    const result = await run(['verify-notification', '--key', VENDOR_KEY], { input: vendorFormBody({ totalAmount: '100' }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^verdict\s+REJECTED$/m);
    expect(result.stdout).toMatch(/^reason\s+bad-signature: /m);
    expect(result.stdout).toMatch(/totalAmount=100<md5Key>$/m);
    expect(result.stdout).not.toContain(VENDOR_KEY);
  });

  it('usage errors: no key', async () => {
    expectUsageError(await run(['verify-notification'], { input: 'a=b' }), /--key is required/);
  });
});

describe('chinaums call', () => {
  const queryBody = (merOrderId: string) => JSON.stringify({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId });

  it('calls the sandbox and prints the JSON answer', async () => {
    const order = sandbox.sandbox.state.createOrder({ totalAmount: 88 });
    await sandbox.sandbox.state.pay(order.merOrderId);
    const result = await run(['call', 'netpayQuery', '--sandbox', sandbox.url, '--body', queryBody(order.merOrderId)]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ errCode: 'SUCCESS', status: 'TRADE_SUCCESS', totalAmount: 88, merOrderId: order.merOrderId });
  });

  it('prints a typed error as one line and exits 1', async () => {
    const result = await run(['call', 'netpayQuery', '--sandbox', sandbox.url, '--body', queryBody('NOPE000001')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^ApiError NO_ORDER: netpayQuery: errCode NO_ORDER/);
  });

  it('wrong credentials are an AuthenticationError line', async () => {
    const result = await run(['call', 'netpayQuery', '--sandbox', sandbox.url, '--body', queryBody('NOPE000001')], {
      env: { CHINAUMS_APP_ID: 'chinaumssandbox00000000000000001', CHINAUMS_APP_KEY: 'wrong-key' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^AuthenticationError 1000: /);
  });

  it('usage errors: unknown operation, bad JSON, no credentials', async () => {
    expectUsageError(await run(['call', 'netpayPay', '--sandbox', sandbox.url, '--body', '{}']), /unknown operation netpayPay \(operations: .*netpayQuery/);
    expectUsageError(await run(['call', 'netpayQuery', '--sandbox', sandbox.url, '--body', '{mid:']), /the body is not valid JSON/);
    expectUsageError(await run(['call', 'netpayQuery', '--body', '{}']), /set CHINAUMS_APP_ID and CHINAUMS_APP_KEY/);
    expectUsageError(await run(['call']), /name an operation/);
  });
});

describe('chinaums (top level)', () => {
  it('--help for each command exits 0', async () => {
    const commands = ['sign', 'verify-notification', 'call', 'h5-url', 'sandbox'];
    // In parallel: each is a child process, and serially they outlast the timeout on a loaded machine.
    const results = await Promise.all([...commands.map((command) => run([command, '--help'])), run(['--help'])]);
    commands.forEach((command, i) => {
      expect(results[i]?.code, command).toBe(0);
      expect(results[i]?.stdout).toMatch(new RegExp(`^Usage: chinaums ${command}`));
    });
    expect(results.at(-1)?.stdout).toMatch(/Commands:\n[\s\S]*h5-url/);
  });

  it('an unknown or missing command is a one-line usage error', async () => {
    expectUsageError(await run(['frobnicate']), /unknown command frobnicate/);
    expectUsageError(await run([]), /name a command/);
  });
});

describe('chinaums sandbox', () => {
  function waitForLine(child: ChildProcessWithoutNullStreams, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms: ${seen}`)), timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        const match = pattern.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolve(match);
        }
      });
    });
  }

  it('prints its URL and credentials, serves the seed, and closes cleanly on SIGTERM', async () => {
    const seed = new URL('../../examples/sandbox-seed.json', import.meta.url).pathname;
    const child = spawn(process.execPath, [cli.file, 'sandbox', '--port', '0', '--seed', seed], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 10_000);
      const orders = (await (await fetch(`${url}/_sandbox/orders`)).json()) as { merOrderId: string }[];
      expect(orders.map((o) => o.merOrderId)).toContain('327M202204141724489725391331');
      const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const said = waitForLine(child, /SIGTERM: sandbox closed\./, 5000);
      child.kill('SIGTERM');
      await said;
      expect(await closed).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses non-loopback hosts and broken seeds with exit 2', async () => {
    expectUsageError(await run(['sandbox', '--host', '0.0.0.0']), /loopback only/);
    const broken = join(scratch, 'broken-seed.json');
    await writeFile(broken, '{"orders":[{"totalAmount":0}]}');
    expectUsageError(await run(['sandbox', '--seed', broken]), /seed\.orders\[0\]\.totalAmount must be a positive integer/);
  });
});
