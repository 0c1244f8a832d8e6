// Serves the Cloudflare Worker example from real workerd (miniflare) and drives it with the
// example probe through dispatchFetch:  node worker-example-host.mjs <worker.mjs> <probe.mjs> <platform URL> <env JSON>
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Miniflare } from 'miniflare';

const [scriptPath, probePath, baseUrl, envJson] = process.argv.slice(2);
const { probeExample } = await import(pathToFileURL(probePath).href);
const mf = new Miniflare({
  modules: true,
  script: await readFile(scriptPath, 'utf8'),
  compatibilityDate: '2025-01-01',
  bindings: { ...JSON.parse(envJson), CHINAUMS_BASE_URL: baseUrl },
  // The example keeps its token and dedupe marks in this Durable Object (wrangler.toml in worker.ts).
  durableObjects: { CHINAUMS_STATE: 'ChinaUmsStateDurableObject' },
});
try {
  const send = (path, init) => mf.dispatchFetch(`http://worker.test${path}`, init);
  const results = await probeExample(send);
  console.log(`CONTRACT-REPORT ${JSON.stringify({ runtime: 'workerd example', results })}`);
} finally {
  await mf.dispose();
}
