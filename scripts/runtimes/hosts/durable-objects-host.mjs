// Runs the Durable Object stores' worker in real workerd (miniflare, a `durableObjects` binding):
//   node durable-objects-host.mjs <worker.mjs> <sandbox URL>
// Prints one CONTRACT-REPORT: the shared contract, then the fleet checks driven from here.
import { readFile } from 'node:fs/promises';
import { Miniflare } from 'miniflare';

const REPORT = 'CONTRACT-REPORT ';
const [scriptPath, sandboxUrl] = process.argv.slice(2);
const mf = new Miniflare({
  modules: true,
  script: await readFile(scriptPath, 'utf8'),
  compatibilityDate: '2025-01-01',
  durableObjects: { CHINAUMS_STATE: 'ChinaUmsStateDurableObject' },
});

async function check(name, run) {
  const started = Date.now();
  try {
    await run();
    return { name, ok: true, ms: Date.now() - started };
  } catch (error) {
    return { name, ok: false, ms: Date.now() - started, error: String(error?.message ?? error) };
  }
}

const counts = async () => (await mf.dispatchFetch('http://worker.test/counts')).json();
const expect = (actual, expected, what) => {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
};

try {
  const contract = await (await mf.dispatchFetch('http://worker.test/contract')).text();
  if (!contract.startsWith(REPORT)) throw new Error(`the contract did not report: ${contract.slice(0, 500)}`);
  const results = [...JSON.parse(contract.slice(REPORT.length)).results];
  results.push(
    await check('Durable Objects fleet: 60 concurrent requests, each with its own client: one token request at the sandbox', async () => {
      const query = `http://worker.test/query?${new URLSearchParams({ sandbox: sandboxUrl })}`;
      const answers = await Promise.all(Array.from({ length: 60 }, () => mf.dispatchFetch(query).then((r) => r.json())));
      expect(answers.filter((a) => a.errCode === 'SUCCESS').length, 60, 'successful calls');
      expect((await counts()).tokenRequests, 1, 'token requests');
    }),
  );
  results.push(
    await check('Durable Objects fleet: one notification delivered 20 times concurrently and once later: the callback runs once', async () => {
      const body = await (await mf.dispatchFetch(`http://worker.test/notification-body?id=do-${Date.now()}`)).text();
      const deliver = () => mf.dispatchFetch('http://worker.test/notify', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }).then((r) => r.text());
      const answers = await Promise.all(Array.from({ length: 20 }, deliver));
      if (!answers.includes('SUCCESS')) throw new Error(`no delivery answered SUCCESS: ${[...new Set(answers)]}`);
      expect(await deliver(), 'SUCCESS', 'the later delivery');
      expect((await counts()).callbackRuns, 1, 'callback runs');
    }),
  );
  console.log(`${REPORT}${JSON.stringify({ runtime: 'workerd durable objects', results })}`);
} finally {
  await mf.dispose();
}
