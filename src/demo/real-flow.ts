// The demo against the real ChinaUMS test environment (CHINAUMS_APP_ID / CHINAUMS_APP_KEY set):
// the same client code, read-only calls only. Steps that need the sandbox's control routes (pay,
// refund, create orders) cannot run there and are skipped with a note.
import { ApiError, createChinaUmsClient } from '../index.js';
import { TEST_MERCHANT } from '../sandbox/index.js';
import { recordingFetch } from './recording-fetch.js';
import { keyFields, type Report } from './report.js';

export interface RealCredentials {
  readonly appId: string;
  readonly appKey: string;
}

/** Business answers such as NO_ORDER are outcomes here, not failures: the ids are examples. */
async function businessOutcome<T>(call: Promise<T>): Promise<T | ApiError> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

export async function runRealFlow(report: Report, credentials: RealCredentials): Promise<void> {
  const recorder = recordingFetch();
  const ums = createChinaUmsClient({ ...credentials, environment: 'test', fetch: recorder.fetch });
  const { mid } = TEST_MERCHANT;
  const tid = TEST_MERCHANT.tids[0] ?? '88880001';
  const merOrderId = process.env['CHINAUMS_DEMO_ORDER_ID'] ?? '327M202204141724489725391331';
  report.line('platform', `${ums.baseUrl} (test environment)`);
  report.line('appId', `${credentials.appId}  (from CHINAUMS_APP_ID; the key is never printed)`);

  report.step('Create and pay an order');
  report.note('skipped: creating and paying orders needs the sandbox control routes (unset CHINAUMS_APP_ID to use the sandbox).');

  report.step(`netpayQuery ${merOrderId} (set CHINAUMS_DEMO_ORDER_ID to query your own order)`);
  const queried = await businessOutcome(ums.netpayQuery({ mid, tid, instMid: 'YUEDANDEFAULT', merOrderId }));
  const last = recorder.last();
  if (last) report.line('sent', `${last.method} ${last.path} ${last.body}`);
  report.line('answer', queried instanceof ApiError ? `${queried.code}: ${queried.message}` : keyFields(queried, ['errCode', 'status', 'totalAmount', 'payTime']));

  report.step('netpayRefundQuery');
  const refund = await businessOutcome(ums.netpayRefundQuery({ mid, tid, merOrderId }));
  report.line('answer', refund instanceof ApiError ? `${refund.code}: ${refund.message}` : keyFields(refund, ['errCode', 'status', 'refundStatus']));

  report.step('Refund, billsPreauthCancel, payPointOrderSync');
  report.note('skipped: they change state and need orders the control routes create; run them against the sandbox.');
}
