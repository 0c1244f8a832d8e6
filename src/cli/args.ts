// node:util parseArgs with its errors turned into UsageError lines, and shared readers.
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

type CommandArgsConfig = ParseArgsConfig & { readonly strict: true };

/** parseArgs, strict, with its errors as one usage line naming the command. */
export function parseCommandArgs<T extends CommandArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // Node's message can span lines ("…is ambiguous. Did you forget to specify the option
    // argument…? To specify an option argument starting with a dash use '--app-key=-XYZ'"): the
    // hint is the useful part, so it is kept, on the one usage line.
    const message = error instanceof Error ? error.message.split('\n').map((line) => line.trim()).filter(Boolean).join(' ') : String(error);
    throw new UsageError(`${command}: ${message.replace(/\.$/, '')} (see chinaums ${command} --help)`);
  }
}

const MAX_INPUT_BYTES = 1024 * 1024;

export async function readInputFile(path: string): Promise<Uint8Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new UsageError(`cannot read ${path}${typeof code === 'string' ? ` (${code})` : ''}`);
  }
  if (bytes.byteLength > MAX_INPUT_BYTES) throw new UsageError(`${path} is larger than ${MAX_INPUT_BYTES} bytes`);
  return new Uint8Array(bytes);
}

/** Files saved from logs or `echo` end in a newline the sender never sent: drop one. */
export function withoutTrailingNewline(bytes: Uint8Array): Uint8Array {
  let end = bytes.byteLength;
  if (end > 0 && bytes[end - 1] === 0x0a) end -= 1;
  if (end > 0 && bytes[end - 1] === 0x0d) end -= 1;
  return bytes.subarray(0, end);
}

/** `--body TEXT` or `--body-file FILE` (exactly one); the bytes to use. */
export async function bodyFrom(command: string, values: { body?: string | undefined; 'body-file'?: string | undefined }): Promise<Uint8Array> {
  const text = values.body;
  const file = values['body-file'];
  if (text !== undefined && file !== undefined) throw new UsageError(`${command}: pass --body or --body-file, not both`);
  if (text !== undefined) return new TextEncoder().encode(text);
  if (file !== undefined) return readInputFile(file);
  throw new UsageError(`${command}: --body '…' or --body-file FILE is required (see chinaums ${command} --help)`);
}

/**
 * A flag, else the first environment variable set (the first is the documented name, later ones
 * older aliases), else a usage error naming the flag and the documented variable.
 */
export function flagOrEnv(
  command: string,
  value: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  flag: string,
  variable: string,
  ...aliases: readonly string[]
): string {
  const chosen = value ?? [variable, ...aliases].map((name) => env[name]).find((v) => v !== undefined && v !== '');
  if (chosen === undefined || chosen === '') throw new UsageError(`${command}: --${flag} is required (or set ${variable})`);
  return chosen;
}
