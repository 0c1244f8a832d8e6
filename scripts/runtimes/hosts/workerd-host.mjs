// Runs the contract worker in real workerd (miniflare) and prints its report:
//   node workerd-host.mjs <worker.mjs> <fake platform URL> [sandbox URL]
// The worker reaches the fake platform on 127.0.0.1 with its own fetch (miniflare allows it).
import { readFile } from 'node:fs/promises';
import { Miniflare } from 'miniflare';

const [scriptPath, baseUrl, sandboxUrl] = process.argv.slice(2);
const mf = new Miniflare({
  modules: true,
  script: await readFile(scriptPath, 'utf8'),
  // No nodejs_compat flag: the portable entries must run on plain workerd.
  compatibilityDate: '2025-01-01',
});
try {
  const query = new URLSearchParams({ base: baseUrl, ...(sandboxUrl ? { sandbox: sandboxUrl } : {}) });
  const response = await mf.dispatchFetch(`http://worker.test/?${query}`);
  const report = await response.text();
  if (response.status !== 200) throw new Error(`worker answered ${response.status}: ${report.slice(0, 500)}`);
  console.log(`CONTRACT-REPORT ${report}`);
} finally {
  await mf.dispose();
}
