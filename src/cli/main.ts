#!/usr/bin/env node
// The `chinaums` command: sign, verify-notification, call, h5-url, sandbox. Usage mistakes print one line
// on stderr and exit 2; failures of the operation itself exit 1; never a stack trace.
import { callCommand } from './commands/call.js';
import { h5UrlCommand } from './commands/h5-url.js';
import { sandboxCommand } from './commands/sandbox.js';
import { signCommand } from './commands/sign.js';
import { verifyNotificationCommand } from './commands/verify-notification.js';
import type { CliIo, Command } from './command.js';
import { UsageError } from './usage-error.js';
// Bundled into the CLI at build time, so the version is the one of the package that ships it.
import packageJson from '../../package.json' with { type: 'json' };

const commands: readonly Command[] = [signCommand, verifyNotificationCommand, callCommand, h5UrlCommand, sandboxCommand];
const MAX_STDIN_BYTES = 1024 * 1024;

const overview = `Usage: chinaums <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(21)}${c.summary}`).join('\n')}

Run chinaums <command> --help for its options; chinaums --version for the version.`;

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > MAX_STDIN_BYTES) throw new UsageError(`stdin is larger than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`chinaums: name a command (${commands.map((c) => c.name).join(', ')}); chinaums --help for details`);
    return 2;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.stdout(`chinaums ${packageJson.version}`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command ${name} (commands: ${commands.map((c) => c.name).join(', ')})`);
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`chinaums: ${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(`chinaums: ${message.replace(/\s+/g, ' ')}`);
    return 1;
  }
}

const io: CliIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  readStdin,
  stdinIsTerminal: process.stdin.isTTY === true,
};

process.exitCode = await runCli(process.argv.slice(2), io);
