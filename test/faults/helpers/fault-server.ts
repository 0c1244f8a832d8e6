// A real HTTP server on 127.0.0.1 that misbehaves on purpose: the network faults msw cannot fake
// (a reset connection) and a response that never comes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = (request: IncomingMessage, response: ServerResponse, n: number) => void;

export interface FaultServer {
  readonly baseUrl: string;
  /** Requests received so far (each with its Authorization header). */
  readonly requests: Array<{ path: string; authorization: string | undefined }>;
  setFault(fault: Fault): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let fault: Fault = (_req, res) => res.end();
  const requests: FaultServer['requests'] = [];
  const server = createServer((req, res) => {
    // No keep-alive: every attempt opens and closes its own connection, nothing lingers.
    res.setHeader('connection', 'close');
    req.resume();
    req.on('end', () => {
      requests.push({ path: req.url ?? '', authorization: req.headers.authorization });
      fault(req, res, requests.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    setFault(next) {
      fault = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
