// Loaded as EdgeRuntime's initialCode (Vercel's Edge VM): exposes the contract on globalThis.
import { sdk } from '../built-sdk.mjs';
import { runContract } from '../run-checks.js';

function evalIsBlocked(): boolean {
  try {
    (0, eval)('1');
    return false;
  } catch {
    return true;
  }
}

(globalThis as Record<string, unknown>)['__runContract'] = async (baseUrl: string, sandboxUrl?: string): Promise<string> => {
  const report = await runContract('edge-runtime', { sdk, baseUrl, sandboxUrl });
  const evalCheck = { name: 'eval is blocked in this runtime (so the validators must not need it)', ok: evalIsBlocked(), ms: 0 };
  return JSON.stringify({ ...report, results: [...report.results, evalCheck] });
};
