// The sandbox as a node:http server on 127.0.0.1 (port 0 → a free port), and seed files.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createSandbox, type Sandbox } from './sandbox.js';
import { SandboxInputError } from './state/input.js';
import { parseSandboxSeed } from './state/seed.js';
import type { SandboxOptions, SandboxSeed } from './types.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export interface SandboxServerOptions extends SandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. The control routes are unauthenticated. */
  readonly host?: string;
  /** Serve an existing sandbox instead of creating one from the options (it is closed with the server). */
  readonly sandbox?: Sandbox;
}

export interface SandboxServer {
  /** e.g. `http://127.0.0.1:53127`: pass it as `baseUrl` to createChinaUmsClient. */
  readonly url: string;
  readonly port: number;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

/** Reads a seed file (JSON); errors name the file and the bad entry. */
export async function loadSandboxSeedFile(path: string): Promise<SandboxSeed> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new SandboxInputError('INVALID_INPUT', `Cannot read the seed file ${path}${typeof code === 'string' ? ` (${code})` : ''}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SandboxInputError('INVALID_INPUT', `The seed file ${path} is not valid JSON.`);
  }
  try {
    return parseSandboxSeed(value);
  } catch (error) {
    throw error instanceof SandboxInputError ? new SandboxInputError(error.code, `${path}: ${error.message}`) : error;
  }
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    // Streamed, not buffered here: the routes read it with the one size-limited reader
    // (src/wire/limited-body.ts), as they do under Deno and msw.
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>;
    init.duplex = 'half';
  }
  return new Request(new URL(req.url ?? '/', origin), init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  // Response.error() is the portable way to say "drop the connection" (the `drop` fault).
  if (response.type === 'error') {
    res.socket?.destroy();
    return;
  }
  const body = new Uint8Array(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader('content-length', body.byteLength);
  res.end(body);
}

/** Starts the sandbox on 127.0.0.1; resolves once it listens. */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new SandboxInputError('INVALID_INPUT', `The sandbox listens on loopback only (127.0.0.1, ::1, localhost), not ${host}.`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SandboxInputError('INVALID_INPUT', `port must be 0..65535, got ${port}.`);
  const sandbox = options.sandbox ?? createSandbox(options);
  let origin = '';

  const server = createServer((req, res) => {
    void (async () => {
      try {
        await send(res, await sandbox.fetch(toRequest(req, origin)));
      } catch {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostInUrl}:${address.port}`;

  let closed: Promise<void> | undefined;
  return {
    url: origin,
    port: address.port,
    sandbox,
    close() {
      closed ??= (async () => {
        await sandbox.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closed;
    },
  };
}
