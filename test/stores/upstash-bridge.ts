// A local stand-in for Upstash's REST API in front of a real redis-server, speaking the documented
// protocol: `POST /` with a command as a JSON array, `POST /pipeline` with an array of them, a
// Bearer token, and `{ result }` / `{ error }` answers. 127.0.0.1 only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';

export interface UpstashBridge {
  readonly url: string;
  readonly token: string;
  /** Commands received, by name (EVAL, GET…). */
  readonly commands: string[];
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function startUpstashBridge(redisPort: number, token = 'bridge-token-not-a-secret'): Promise<UpstashBridge> {
  const redis = new Redis(redisPort, '127.0.0.1', { maxRetriesPerRequest: 1 });
  const commands: string[] = [];
  const run = async (command: unknown): Promise<{ result: unknown } | { error: string }> => {
    if (!Array.isArray(command) || command.length === 0 || command.some((part) => typeof part !== 'string' && typeof part !== 'number')) {
      return { error: 'ERR the command must be a non-empty JSON array of strings and numbers' };
    }
    const [name, ...args] = command.map(String) as [string, ...string[]];
    commands.push(name.toUpperCase());
    try {
      return { result: await redis.call(name, ...args) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  const server = createServer((request, response) => {
    void (async () => {
      if (request.headers.authorization !== `Bearer ${token}`) return send(response, 401, { error: 'Unauthorized' });
      if (request.method !== 'POST') return send(response, 405, { error: 'Use POST' });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(request));
      } catch {
        return send(response, 400, { error: 'ERR the body is not JSON' });
      }
      if (request.url === '/pipeline') {
        if (!Array.isArray(body)) return send(response, 400, { error: 'ERR a pipeline is an array of commands' });
        const results = [];
        for (const command of body) results.push(await run(command));
        return send(response, 200, results);
      }
      if (request.url !== '/') return send(response, 404, { error: 'Not found' });
      const answer = await run(body);
      send(response, 'error' in answer ? 400 : 200, answer);
    })();
  });
  // Longer than any pause between a client's requests: a server closing an idle keep-alive socket
  // just as fetch reuses it fails that fetch ("other side closed"), which real Upstash does not do.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    commands,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await redis.quit();
    },
  };
}
