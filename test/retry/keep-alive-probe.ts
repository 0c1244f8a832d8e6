// Run as a child process by keep-alive.test.ts: one call, then report how the process ended.
//   pending  the fetch never settles (and ignores its signal): only the attempt's deadline can
//            end the call, so it must keep the process alive until then
//   answered the call succeeds at once with a 60 s timeout: the process must exit right after
// The second argument picks the entry: `node` (one shared deadline timer) or `portable` (a timer each).
import * as portable from '../../src/index.js';
import * as node from '../../src/index.node.js';

const mode = process.argv[2];
const { createChinaUmsClient, TimeoutError } = process.argv[3] === 'portable' ? portable : node;
const started = performance.now();
process.on('exit', (code) => console.log(`exit ${code} after ${Math.round(performance.now() - started)} ms`));

const answer = JSON.stringify({ errCode: 'SUCCESS', errMsg: '', status: 'TRADE_SUCCESS' });
const ums = createChinaUmsClient({
  appId: '10037e6f66f2d0f901672aa27d690006',
  appKey: '47ace12ae3b348fe93ab46cee97c6fde',
  baseUrl: 'http://127.0.0.1:9',
  retry: false,
  timeoutMs: mode === 'pending' ? 300 : 60_000,
  fetch: mode === 'pending' ? () => new Promise<Response>(() => undefined) : async () => new Response(answer, { headers: { 'content-type': 'application/json' } }),
});

try {
  const data = await ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: 'keep-alive-probe' });
  console.log(`answered ${data.errCode}`);
} catch (error) {
  console.log(error instanceof TimeoutError ? `timed out ${error.code}` : `failed ${String(error)}`);
}
