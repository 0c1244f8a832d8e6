// A Cloudflare Worker whose fetch handler runs the contract: `GET /?base=<fake platform URL>[&sandbox=<URL>]`.
import { sdk } from '../built-sdk.mjs';
import { runContract } from '../run-checks.js';

function evalIsBlocked(): boolean {
  try {
    // Indirect eval, so bundlers leave it alone; workerd must refuse code generation.
    (0, eval)('1');
    return false;
  } catch {
    return true;
  }
}

export default {
  async fetch(request: Request): Promise<Response> {
    const query = new URL(request.url).searchParams;
    const report = await runContract('workerd', { sdk, baseUrl: query.get('base') ?? '', sandboxUrl: query.get('sandbox') ?? undefined });
    const evalCheck = { name: 'eval is blocked in this runtime (so the validators must not need it)', ok: evalIsBlocked(), ms: 0 };
    return Response.json({ ...report, results: [...report.results, evalCheck] });
  },
};
