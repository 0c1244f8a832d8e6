// What `chinaums` means to a README example run by readme-examples.test.ts: the SDK itself, except
// that every client talks to the test's sandbox as its demo app. The examples are written for real
// credentials and `environment: 'test'`; this lets them run unchanged against 127.0.0.1.
import { createChinaUmsClient as createRealClient, type ChinaUmsClient, type ChinaUmsClientOptions } from '../../src/index.js';
import { DEMO_APP } from '../../src/sandbox/index.js';

export * from '../../src/index.js';

const sandboxUrl = process.env['CHINAUMS_README_SANDBOX_URL'];

export function createChinaUmsClient(options: ChinaUmsClientOptions): ChinaUmsClient {
  if (sandboxUrl === undefined) throw new Error('CHINAUMS_README_SANDBOX_URL is not set: this shim only runs under readme-examples.test.ts.');
  // A block that starts its own sandbox (the quick start) keeps it; every other client goes to ours.
  const ownSandbox = typeof options.baseUrl === 'string' && /^http:\/\/127\.0\.0\.1:/.test(options.baseUrl);
  const { environment: _environment, ...rest } = options;
  return createRealClient({ ...rest, appId: DEMO_APP.appId, appKey: DEMO_APP.appKey, baseUrl: ownSandbox ? options.baseUrl : sandboxUrl });
}
