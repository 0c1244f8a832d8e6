// chinaums sandbox: runs the local platform stand-in until interrupted.
import { DEMO_NOTIFY_KEY, parseSandboxSeed, SandboxInputError, TEST_MERCHANT, type SandboxSeed } from '../../sandbox/index.js';
import { loadSandboxSeedFile, startSandboxServer } from '../../sandbox/node.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';
// The built-in seed is bundled into the CLI, so `--seed demo` works from any folder.
import demoSeed from '../../../examples/sandbox-seed.json' with { type: 'json' };

/** The paid demo order the printed `Try:` command queries; it is in the built-in seed. */
const TRY_ORDER = '327M202204141724489725391331';

async function seedFor(option: string | undefined): Promise<SandboxSeed | undefined> {
  if (option === undefined || option === 'demo') return parseSandboxSeed(demoSeed);
  if (option === 'none') return undefined;
  return loadSandboxSeedFile(option);
}

const help = `Usage: chinaums sandbox [--port N] [--host 127.0.0.1] [--seed demo|none|FILE] [--notify-sign-type SHA256|MD5]

Runs a local stand-in for the ChinaUMS platform (every operation of the spec, OPEN-BODY-SIG and
access tokens, signed payment notifications, fault switches) until Ctrl-C. Prints its URL and the
demo app credentials (sandbox-only values). Control routes: GET <url>/_sandbox for the list.

  --port N                  default 0: a free port
  --host HOST               loopback only: 127.0.0.1 (default), ::1 or localhost
  --seed demo|none|FILE     what to start with: demo (default; the built-in demo orders, merchants and
                            pay-point orders), none, or a JSON file of the same shape as the demo seed
  --notify-sign-type TYPE   how notifications are signed (default SHA256)`;

export const sandboxCommand: Command = {
  name: 'sandbox',
  summary: 'run the local ChinaUMS sandbox until interrupted',
  help,
  async run(args, io) {
    const { values } = parseCommandArgs('sandbox', {
      args: [...args],
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        'notify-sign-type': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('sandbox: --port must be 0..65535');
    const signType = values['notify-sign-type'] ?? 'SHA256';
    if (signType !== 'SHA256' && signType !== 'MD5') throw new UsageError('sandbox: --notify-sign-type must be SHA256 or MD5');

    let server;
    try {
      const seed = await seedFor(values.seed);
      server = await startSandboxServer({ port, ...(values.host ? { host: values.host } : {}), ...(seed ? { seed } : {}), notifications: { signType } });
    } catch (error) {
      if (error instanceof SandboxInputError) throw new UsageError(`sandbox: ${error.message}`);
      const code = (error as { code?: unknown }).code;
      if (code === 'EADDRINUSE') throw new UsageError(`sandbox: port ${port} is in use`);
      throw error;
    }
    const [app] = server.sandbox.apps;
    io.stdout(`ChinaUMS sandbox listening on ${server.url}`);
    io.stdout(`  appId      ${app?.appId ?? ''}`);
    io.stdout(`  appKey     ${app?.appKey ?? ''}    (sandbox-only demo credentials)`);
    io.stdout(`  notifyKey  ${server.sandbox.notifyKey}${server.sandbox.notifyKey === DEMO_NOTIFY_KEY ? '    (demo)' : ''}, notifications signed ${signType}`);
    io.stdout(`  merchant   mid ${TEST_MERCHANT.mid}, tid ${TEST_MERCHANT.tids[0] ?? ''}, msgSrcId ${TEST_MERCHANT.msgSrcId} (order numbers start with it)`);
    io.stdout(`  control    ${server.url}${server.sandbox.controlPrefix}  (H5 pages redirect to ${server.sandbox.controlPrefix}/cashier/{merOrderId})`);
    if (server.sandbox.state.order(TRY_ORDER)) {
      io.stdout(`Try: npx chinaums call netpayQuery --sandbox ${server.url} --body '{"mid":"898201612345678","tid":"88880001","instMid":"YUEDANDEFAULT","merOrderId":"${TRY_ORDER}"}'`);
    } else {
      io.stdout(`Try: curl ${server.url}${server.sandbox.controlPrefix}/orders    (this seed has no demo order; --seed demo has)`);
    }
    io.stdout('Ctrl-C to stop.');

    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    await server.close();
    io.stdout(`${signal}: sandbox closed.`);
    return 0;
  },
};
