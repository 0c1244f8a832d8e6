// Serves the SDK's own sandbox from the BUILT package (chinaums/sandbox/node), when the package
// exports it, seeded with the contract's app, notification key and one paid order.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PKG, TMP } from './paths.mjs';

/** Resolves to { url, close } or undefined when this build has no `./sandbox/node` export. */
export async function startBuiltSandbox() {
  const { exports } = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
  const target = exports['./sandbox/node'];
  const file = typeof target === 'string' ? target : target?.default;
  if (!file) return undefined;
  const { startSandboxServer } = await import(pathToFileURL(join(PKG, file)).href);
  const { exampleEnv, seededOrder } = await import(pathToFileURL(join(TMP, 'example-probe.mjs')).href);
  const env = exampleEnv('');
  return startSandboxServer({
    host: '127.0.0.1',
    apps: [{ appId: env.CHINAUMS_APP_ID, appKey: env.CHINAUMS_APP_KEY }],
    notifyKey: env.CHINAUMS_NOTIFY_KEY,
    seed: { orders: [seededOrder] },
  });
}
