// Running the sandbox inside msw, for tests that intercept fetch instead of opening a port:
//
//   import { http } from 'msw';
//   import { setupServer } from 'msw/node';
//   const server = setupServer(sandboxMswHandler(http, sandbox, 'https://test-api-open.chinaums.com'));
//
// msw is the caller's dependency: it is passed in, never imported here.
import type { Sandbox } from './sandbox.js';

export type SandboxResolver = (info: { readonly request: Request }) => Promise<Response>;

/** The msw resolver that hands every intercepted request to the sandbox. */
export function sandboxResolver(sandbox: Pick<Sandbox, 'fetch'>): SandboxResolver {
  return ({ request }) => sandbox.fetch(request);
}

/** The part of msw's `http` namespace this needs. */
export interface MswHttpNamespace<Handler> {
  all(path: string, resolver: SandboxResolver): Handler;
}

/** `http.all(base + '/*', …)`: one handler for the platform's host, control routes included. */
export function sandboxMswHandler<Handler>(http: MswHttpNamespace<Handler>, sandbox: Pick<Sandbox, 'fetch'>, baseUrl: string): Handler {
  return http.all(`${baseUrl.replace(/\/+$/, '')}/*`, sandboxResolver(sandbox));
}
