// The little of Deno's global namespace main.ts uses, so examples type-check without Deno's lib.
declare namespace Deno {
  const env: { get(name: string): string | undefined };
  interface ServeOptions {
    hostname?: string;
    port?: number;
    onListen?: (address: { hostname: string; port: number }) => void;
  }
  function serve(options: ServeOptions, handler: (request: Request) => Response | Promise<Response>): unknown;
}
