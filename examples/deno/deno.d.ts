// The little of Deno's global namespace main.ts uses, so examples type-check without Deno's lib.
declare namespace Deno {
  const env: { get(name: string): string | undefined };
  interface ServeOptions {
    hostname?: string;
    port?: number;
    onListen?: (address: { hostname: string; port: number }) => void;
  }
  /** Deno.Kv; the stores take it as chinaums/deno-kv's DenoKvLike. */
  function openKv(path?: string): Promise<import('chinaums/deno-kv').DenoKvLike>;
  function serve(options: ServeOptions, handler: (request: Request) => Response | Promise<Response>): unknown;
}
