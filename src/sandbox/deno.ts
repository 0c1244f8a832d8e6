// Running the sandbox under Deno. Deno.serve takes a fetch handler directly, so this is just
//
//   const sandbox = createSandbox();
//   Deno.serve({ hostname: '127.0.0.1', port: 0 }, sandbox.fetch);
//
// plus a typed helper that returns the URL and a close(). The `drop` fault answers
// Response.error(), which Deno.serve turns into a failed request rather than a dropped socket.
import type { Sandbox } from './sandbox.js';

/** The part of the `Deno` global this needs (typed here so the package needs no Deno types). */
export interface DenoServeApi {
  serve(
    options: { port?: number; hostname?: string; signal?: AbortSignal; onListen?: (address: { hostname: string; port: number }) => void },
    handler: (request: Request) => Response | Promise<Response>,
  ): { readonly finished: Promise<void>; readonly addr: { readonly hostname: string; readonly port: number }; shutdown(): Promise<void> };
}

export interface DenoSandboxServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the sandbox on 127.0.0.1 (port 0: a free port). Pass `deno` when not running under Deno's global. */
export function serveSandboxWithDeno(sandbox: Sandbox, options: { port?: number } = {}, deno?: DenoServeApi): DenoSandboxServer {
  const api = deno ?? (globalThis as unknown as { Deno?: DenoServeApi }).Deno;
  if (!api) throw new Error('serveSandboxWithDeno needs Deno (or pass its `Deno` object as the third argument).');
  const server = api.serve({ hostname: '127.0.0.1', port: options.port ?? 0, onListen: () => undefined }, sandbox.fetch);
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    async close() {
      await sandbox.close();
      await server.shutdown();
    },
  };
}
