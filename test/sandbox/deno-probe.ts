// Runs under Deno (bundled by deno.test.ts): serves the sandbox with Deno.serve through the typed
// helper, calls it with the SDK client over real HTTP, prints one JSON line, and shuts down.
import { createChinaUmsClient } from '../../src/index.js';
import { createSandbox, DEMO_APP, serveSandboxWithDeno, TEST_MERCHANT } from '../../src/sandbox/index.js';

const sandbox = createSandbox();
const server = serveSandboxWithDeno(sandbox);
try {
  const order = sandbox.state.createOrder({ totalAmount: 7 });
  await sandbox.state.pay(order.merOrderId);
  const ums = createChinaUmsClient({ ...DEMO_APP, baseUrl: server.url, retry: false });
  const answer = await ums.netpayQuery({ mid: TEST_MERCHANT.mid, tid: TEST_MERCHANT.tids[0] ?? '', instMid: 'YUEDANDEFAULT', merOrderId: order.merOrderId });
  console.log(JSON.stringify({ url: server.url, status: answer.status, totalAmount: answer.totalAmount }));
} finally {
  await server.close();
}
