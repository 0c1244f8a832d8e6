// A steady loop of one case for `node --cpu-prof` (how the hot spots in BENCHMARKS.md were found):
//   node bench/run.mjs --quick --runtimes node --skip cold,size      # stages .tmp/bench/pkg
//   node --cpu-prof --cpu-prof-dir=.tmp/bench/prof .tmp/bench/pkg/bench/suites/profile.mjs signed
// Cases: signed | token | verify-md5 | verify-sha256. Runs ~4 s.
import { accessTokenAuth, createChinaUmsClient } from 'chinaums';
import { signNotification, verifyNotification } from 'chinaums/notifications';
import { APP_ID, APP_KEY, BASE_URL, NOTIFY_FIELDS, NOTIFY_KEY, QUERY_BODY, fakeFetch } from './fixtures.mjs';

const which = (typeof globalThis.Deno !== 'undefined' ? globalThis.Deno.args : process.argv.slice(2))[0] ?? 'signed';
let op;
if (which === 'signed' || which === 'token') {
  const ums = createChinaUmsClient({ appId: APP_ID, appKey: APP_KEY, baseUrl: BASE_URL, fetch: fakeFetch, auth: which === 'token' ? accessTokenAuth() : 'signature' });
  op = () => ums.netpayQuery(QUERY_BODY);
} else if (which === 'verify-md5' || which === 'verify-sha256') {
  const fields = { ...NOTIFY_FIELDS, signType: which === 'verify-md5' ? 'MD5' : 'SHA256' };
  const body = new URLSearchParams({ ...fields, sign: await signNotification(fields, { key: NOTIFY_KEY }) }).toString();
  op = () => verifyNotification(body, { key: NOTIFY_KEY });
} else {
  throw new Error(`unknown case ${which}: signed | token | verify-md5 | verify-sha256`);
}
const end = performance.now() + 4000;
let n = 0;
while (performance.now() < end && n < 5_000_000) {
  for (let i = 0; i < 100; i++) await op();
  n += 100;
}
console.log(`${which}: ${n} operations, ${((4000 / n) * 1000).toFixed(1)} µs each (profiler attached)`);
