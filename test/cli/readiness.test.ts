// The first-day CLI behaviours: --version, the appKey whitespace warning, Node's option hints,
// a sandbox whose printed Try: command works as printed, and call errors that say what happened.
import { spawn, execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VENDOR_KEY, vendorFormBody } from '../helpers/notification-fixtures.js';
import { buildEntry, runNode, type BuiltEntry } from './build-entry.js';

// Several node processes per test: bounded for a hung process on a loaded machine, not a slow one.
vi.setConfig({ testTimeout: 120_000 });

let cli: BuiltEntry;
let scratch: string;

beforeAll(async () => {
  [cli, scratch] = await Promise.all([buildEntry('src/cli/main.ts', 'chinaums'), mkdtemp(join(tmpdir(), 'chinaums-cli-ready-'))]);
});
afterAll(async () => {
  await Promise.all([cli?.remove(), scratch ? rm(scratch, { recursive: true, force: true }) : undefined]);
});

const run = (args: readonly string[], options?: Parameters<typeof runNode>[2]) => runNode(cli.file, args, options);
const APP = ['--app-id', '12345678901234567890123456789012', '--body', 'A'];
const KEY = '67890123456789012345678901234567';
const body = (mid: unknown) => JSON.stringify({ mid, tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' });

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('chinaums --version', () => {
  it('prints the version of the package that ships it', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-v']) {
      const result = await run([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(`chinaums ${version}`);
    }
  });
});

describe('chinaums sign and the appKey', () => {
  it('warns about a trailing newline or leading space without printing the key, and still signs', async () => {
    const result = await run(['sign', ...APP, '--app-key', ` ${KEY}\n`]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/warning: the appKey has a space at the start, a newline at the end\..*认证失败/);
    expect(result.stderr).not.toContain(KEY);
    expect(result.stdout).toMatch(/^signature\s+\S+/m);
  });

  it('says nothing about a clean key', async () => {
    const result = await run(['sign', ...APP, '--app-key', KEY]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it("keeps Node's hint when an option lacks its argument, on one usage line", async () => {
    const result = await run(['sign', '--app-id', 'a', '--app-key', '--body', 'A']);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/Did you forget to specify the option argument for '--app-key'\?/);
  });
});

describe('chinaums verify-notification and the key variable', () => {
  it('reads the key from CHINAUMS_MD5_KEY as well as CHINAUMS_NOTIFY_KEY', async () => {
    for (const variable of ['CHINAUMS_NOTIFY_KEY', 'CHINAUMS_MD5_KEY']) {
      const result = await run(['verify-notification'], { input: vendorFormBody(), env: { CHINAUMS_NOTIFY_KEY: undefined, [variable]: VENDOR_KEY } });
      expect(result.code, variable).toBe(0);
      expect(result.stdout).toMatch(/^verdict\s+VERIFIED/m);
    }
  });
});

describe('chinaums call errors', () => {

  it('a network failure names its cause (ECONNREFUSED), not only "fetch failed"', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await run(['call', 'netpayQuery', '--sandbox', url, '--body', body('898201612345678'), '--timeout', '5000']);
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^NetworkError NETWORK: .*Cause: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
  });

  it('a schema failure names each problem once', async () => {
    const result = await run(['call', 'netpayQuery', '--sandbox', 'http://127.0.0.1:8080', '--body', body(1)]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/mid must be string/g)).toHaveLength(1);
  });
});

describe('chinaums sandbox, as a new user runs it', () => {
  function startSandbox(args: readonly string[], env: Record<string, string | undefined> = {}) {
    const child = spawn(process.execPath, [cli.file, 'sandbox', '--port', '0', ...args], { cwd: scratch, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const tryLine = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        const match = /^Try: (.+)$/m.exec(seen);
        if (match) resolve(match[1]!);
      });
      child.on('close', (code) => reject(new Error(`sandbox exited (${code}) before printing Try:\n${seen}`)));
    });
    return { child, tryLine, output: () => seen };
  }

  for (const args of [[], ['--seed', 'demo']]) {
    it(`${args.length === 0 ? 'by default' : args.join(' ')}: the printed Try: command answers the demo order, from a folder without the repo`, async () => {
      const sandbox = startSandbox(args);
      try {
        const line = await sandbox.tryLine;
        expect(line).toMatch(/^npx chinaums call netpayQuery --sandbox http:\/\/127\.0\.0\.1:\d+ --body '/);
        // Exactly as printed, through a shell, with `npx chinaums` being this build.
        const command = line.replace(/^npx chinaums /, `"${process.execPath}" "${cli.file}" `);
        const env = { ...process.env, CHINAUMS_APP_ID: '', CHINAUMS_APP_KEY: '' };
        const { stdout } = await promisify(execFile)('sh', ['-c', command], { cwd: scratch, env, timeout: 15_000 });
        expect(JSON.parse(stdout)).toMatchObject({ errCode: 'SUCCESS', status: 'TRADE_SUCCESS', merOrderId: '327M202204141724489725391331' });
      } finally {
        sandbox.child.kill('SIGKILL');
      }
    });
  }

  it('--seed none starts empty and points at the orders list instead', async () => {
    const sandbox = startSandbox(['--seed', 'none']);
    try {
      expect(await sandbox.tryLine).toMatch(/^curl http:\/\/127\.0\.0\.1:\d+\/_sandbox\/orders/);
    } finally {
      sandbox.child.kill('SIGKILL');
    }
  });

  it('with other credentials in the environment, an auth failure says the sandbox knows only its demo app', async () => {
    const sandbox = startSandbox([]);
    try {
      const url = /--sandbox (\S+)/.exec(await sandbox.tryLine)![1]!;
      const result = await run(['call', 'netpayQuery', '--sandbox', url, '--body', body('898201612345678')], {
        env: { CHINAUMS_APP_ID: 'realapp0000000000000000000000001', CHINAUMS_APP_KEY: 'real-key-not-the-demo' },
      });
      expect(result.code).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^AuthenticationError .*knows only its demo app.*unset them for --sandbox/);
      expect(result.stderr).not.toContain('real-key-not-the-demo');
    } finally {
      sandbox.child.kill('SIGKILL');
    }
  });
});

