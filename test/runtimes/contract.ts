// The runtime contract: one list of checks, run unchanged on Node, Deno, Bun, workerd and the
// Vercel Edge VM against the built package. Only web standards here: no node:*, no process.
import { VENDOR_FIELDS, VENDOR_KEY, VENDOR_SIGN } from '../helpers/notification-fixtures.js';
import { equal, ok, rejects } from './assert.js';
import { APP, BODY_SIG_VECTOR, NOTIFY_KEY, QUERY_BODY, sampleNotification } from './fixtures.js';
import type { Sdk } from './sdk.js';

export interface ContractContext {
  readonly sdk: Sdk;
  /** The fake platform on 127.0.0.1: it checks signatures independently with node:crypto. */
  readonly baseUrl: string;
  /** The SDK's own sandbox (chinaums/sandbox/node from the built package), when the package has it. */
  readonly sandboxUrl?: string | undefined;
}

export interface Check {
  readonly name: string;
  run(context: ContractContext): Promise<void>;
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

async function signedForm(sdk: Sdk, fields: Record<string, string>): Promise<string> {
  const sign = await sdk.notifications.signNotification(fields, { key: NOTIFY_KEY });
  return sdk.notifications.encodeNotificationForm({ ...fields, sign });
}

async function roundTrip(sdk: Sdk, signType: 'MD5' | 'SHA256'): Promise<void> {
  const fields = sampleNotification(signType, `rt-${signType}`);
  const body = await signedForm(sdk, fields);
  const result = await sdk.notifications.verifyNotification(body, { key: NOTIFY_KEY });
  ok(result.ok, `${signType} round trip did not verify: ${result.ok ? '' : result.message}`);
  equal(result.signType, signType, 'signType');
  equal(result.raw['merName'], fields['merName'], 'merName survives form encoding');
  equal(result.notification.totalAmount, 100, 'totalAmount is a number of fen');
  const tampered = body.replace('totalAmount=100', 'totalAmount=1');
  const refused = await sdk.notifications.verifyNotification(tampered, { key: NOTIFY_KEY });
  equal(refused.ok ? 'ok' : refused.reason, 'bad-signature', `tampered ${signType} notification`);
}

export const checks: readonly Check[] = [
  {
    name: 'OPEN-BODY-SIG reproduces the vendor example (protocol.md §1)',
    async run({ sdk }) {
      const { signature, ...input } = BODY_SIG_VECTOR;
      const header = await sdk.core.createOpenBodySignature(input);
      ok(header.endsWith(`Signature="${signature}"`), `header was ${header}`);
      const noble = await sdk.core.createOpenBodySignature(input, sdk.crypto.nobleCrypto);
      equal(noble, header, 'noble and Web Crypto headers');
    },
  },
  {
    name: 'OPEN-BODY-SIG hashes UTF-8 bytes identically with every crypto provider',
    async run({ sdk }) {
      const input = { ...BODY_SIG_VECTOR, body: '{"merName":"银联商务 ✓"}' };
      const web = await sdk.core.explainOpenBodySignature(input, sdk.crypto.webCrypto);
      const noble = await sdk.core.explainOpenBodySignature(input, sdk.crypto.nobleCrypto);
      equal(web.bodyDigest, noble.bodyDigest, 'body digest');
      equal(web.signature, noble.signature, 'signature');
    },
  },
  {
    name: 'Beijing timestamps do not depend on the host time zone',
    async run({ sdk }) {
      const instant = Date.UTC(2024, 11, 31, 16, 30, 5); // 2025-01-01 00:30:05 in Beijing
      equal(sdk.core.beijingCompactTimestamp(instant), '20250101003005', 'compact timestamp');
      equal(sdk.core.beijingDateTime(instant), '2025-01-01 00:30:05', 'requestTimestamp format');
    },
  },
  {
    name: 'vendor notification example signs and verifies (protocol.md §4)',
    async run({ sdk }) {
      equal(await sdk.notifications.signNotification(VENDOR_FIELDS, { key: VENDOR_KEY }), VENDOR_SIGN, 'sign');
      const body = new URLSearchParams({ ...VENDOR_FIELDS, sign: VENDOR_SIGN }).toString();
      const result = await sdk.notifications.verifyNotification(body, { key: VENDOR_KEY });
      ok(result.ok, `vendor notification refused: ${result.ok ? '' : result.message}`);
      equal(result.raw['ns'], 'cyuT', 'the random extra field is kept');
    },
  },
  { name: 'notification SHA-256 sign/verify round trip', run: ({ sdk }) => roundTrip(sdk, 'SHA256') },
  { name: 'notification MD5 sign/verify round trip (MD5 without Web Crypto)', run: ({ sdk }) => roundTrip(sdk, 'MD5') },
  {
    // workerd's entry hashes MD5 natively; every other runtime uses @noble/hashes: the bytes must not differ.
    name: "MD5 notification signs identically with this runtime's default crypto and with @noble/hashes",
    async run({ sdk }) {
      const fields = sampleNotification('MD5', 'md5-parity');
      const byDefault = await sdk.notifications.signNotification(fields, { key: NOTIFY_KEY });
      const byNoble = await sdk.notifications.signNotification(fields, { key: NOTIFY_KEY, crypto: sdk.crypto.nobleCrypto });
      equal(byDefault, byNoble, 'MD5 sign');
      const body = sdk.notifications.encodeNotificationForm({ ...fields, sign: byNoble });
      const result = await sdk.notifications.verifyNotification(body, { key: NOTIFY_KEY });
      ok(result.ok && result.signType === 'MD5', `a noble-signed MD5 notification did not verify with the default: ${result.ok ? result.signType : result.message}`);
    },
  },
  {
    name: 'standalone validators accept valid and reject invalid input (no eval)',
    async run({ sdk }) {
      const { requestValidators, validatePaymentNotification } = sdk.validators;
      const query = requestValidators.netpayQuery;
      ok(query({ ...QUERY_BODY, requestTimestamp: '2024-05-01 12:00:00' }), `valid query refused: ${JSON.stringify(query.errors)}`);
      ok(!query({ ...QUERY_BODY, requestTimestamp: 20240501 }), 'a numeric requestTimestamp was accepted');
      ok((query.errors?.length ?? 0) > 0, 'no errors reported for an invalid body');
      const notification = { ...VENDOR_FIELDS, sign: VENDOR_SIGN, totalAmount: 1, invoiceAmount: 1, receiptAmount: 1, buyerPayAmount: 1 };
      ok(validatePaymentNotification(notification), `valid notification refused: ${JSON.stringify(validatePaymentNotification.errors)}`);
      ok(!validatePaymentNotification({ ...notification, totalAmount: 'one' }), 'a non-numeric totalAmount was accepted');
    },
  },
  {
    name: 'client call with OPEN-BODY-SIG to the local platform',
    async run({ sdk, baseUrl }) {
      const ums = sdk.core.createChinaUmsClient({ ...APP, baseUrl });
      const data = await ums.netpayQuery({ ...QUERY_BODY });
      equal(data.errCode, 'SUCCESS', 'errCode');
      equal(data.status, 'TRADE_SUCCESS', 'status');
      equal(data.totalAmount, 100, 'totalAmount (sent as a string, handed over as a number)');
      equal((data as Record<string, unknown>)['errMsg'], 'verified OPEN-BODY-SIG', 'the platform checked the signature');
    },
  },
  {
    name: 'client call with OPEN-ACCESS-TOKEN: one token request, then token-authorized calls',
    async run({ sdk, baseUrl }) {
      const tokens: string[] = [];
      const hooks = { onToken: (event: { action: string }) => void tokens.push(event.action) };
      const ums = sdk.core.createChinaUmsClient({ ...APP, baseUrl, auth: sdk.core.accessTokenAuth(), hooks });
      equal(ums.auth, 'access-token', 'auth mode');
      for (const attempt of [1, 2]) {
        const data = await ums.netpayQuery({ ...QUERY_BODY });
        equal(data.errCode, 'SUCCESS', `call ${attempt} errCode`);
        equal((data as Record<string, unknown>)['errMsg'], 'verified OPEN-ACCESS-TOKEN', `call ${attempt}: the platform accepted the token`);
      }
      equal(tokens.join(), 'fetched', 'one token fetched and reused (at most 10 live tokens per appId)');
    },
  },
  {
    name: "a redirect is refused, never followed (redirect: 'manual' honoured)",
    async run({ sdk, baseUrl }) {
      const ums = sdk.core.createChinaUmsClient({ ...APP, baseUrl: `${baseUrl}/redirect`, retry: false });
      await rejects(
        () => ums.netpayQuery({ ...QUERY_BODY }),
        (error) =>
          error instanceof sdk.core.RedirectError &&
          error.code === 'UNEXPECTED_REDIRECT' &&
          // An opaque-redirect runtime hides the Location; the others name it.
          (error.location === undefined || error.location === `${baseUrl}/v1/netpay/query`),
        'a 307 answer',
      );
    },
  },
  {
    name: 'an answer past maxResponseBytes is a ResponseTooLargeError',
    async run({ sdk, baseUrl }) {
      const ums = sdk.core.createChinaUmsClient({ ...APP, baseUrl: `${baseUrl}/oversize`, maxResponseBytes: 64 * 1024, retry: false });
      await rejects(
        () => ums.netpayQuery({ ...QUERY_BODY }),
        (error) => error instanceof sdk.core.ResponseTooLargeError && error.code === 'RESPONSE_TOO_LARGE' && error.limitBytes === 64 * 1024,
        'a 1 MiB answer',
      );
    },
  },
  {
    name: 'client call with a wrong appKey fails with a teaching AuthenticationError',
    async run({ sdk, baseUrl }) {
      const ums = sdk.core.createChinaUmsClient({ appId: APP.appId, appKey: `${APP.appKey}x`, baseUrl });
      await rejects(
        () => ums.netpayQuery({ ...QUERY_BODY }),
        (error) => error instanceof sdk.core.AuthenticationError && error.code === '1000' && !error.message.includes(APP.appKey),
        'wrong appKey',
      );
    },
  },
  {
    // The caller's signal is composed with the attempt's own (AbortSignal.any, or by hand where a
    // runtime lacks it, as edge-runtime does); the attempt's timer runs on each runtime's timers.
    name: 'a call ends on the caller’s abort (AbortedError, the fetch cancelled) and on its timeout (TimeoutError)',
    async run({ sdk, baseUrl }) {
      const controller = new AbortController();
      let fetchSawAbort = false;
      // Never answers; ends when its signal aborts, as a real fetch does. The caller aborts once the request is out.
      const hanging = (request: Request) =>
        new Promise<Response>((_, reject) => {
          if (request.signal.aborted) return reject(request.signal.reason);
          request.signal.addEventListener('abort', () => ((fetchSawAbort = true), reject(request.signal.reason)), { once: true });
          setTimeout(() => controller.abort(), 0);
        });
      const ums = sdk.core.createChinaUmsClient({ ...APP, baseUrl, fetch: hanging, timeoutMs: 60_000, retry: false });
      await rejects(() => ums.netpayQuery({ ...QUERY_BODY }, { signal: controller.signal }), (error) => error instanceof sdk.core.AbortedError && error.code === 'ABORTED', 'caller abort');
      ok(fetchSawAbort, 'the fetch saw its signal abort');
      const timed = sdk.core.createChinaUmsClient({ ...APP, baseUrl, fetch: hanging, timeoutMs: 30, retry: false });
      await rejects(() => timed.netpayQuery({ ...QUERY_BODY }, { signal: new AbortController().signal }), (error) => error instanceof sdk.core.TimeoutError && error.code === 'TIMEOUT', 'timeout');
    },
  },
  {
    name: 'notification handler answers a real Request: SUCCESS once, dedupes, refuses forgeries',
    async run({ sdk }) {
      const seen: string[] = [];
      const handle = sdk.notifications.createNotificationHandler({
        key: NOTIFY_KEY,
        onNotification: (notification) => void seen.push(notification.notifyId ?? ''),
        onError: () => undefined,
      });
      const body = await signedForm(sdk, sampleNotification('SHA256', 'handler-1'));
      const post = (payload: string) => handle(new Request('http://127.0.0.1/notify', { method: 'POST', headers: FORM, body: payload }));
      for (const attempt of [1, 2]) {
        const response = await post(body);
        equal(response.status, 200, `delivery ${attempt} status`);
        equal(await response.text(), 'SUCCESS', `delivery ${attempt} body`);
      }
      equal(seen.join(), 'handler-1', 'callback runs once per notifyId');
      const forged = await post(body.replace('totalAmount=100', 'totalAmount=1'));
      equal(await forged.text(), 'FAILED', 'forged notification answer');
      equal(forged.headers.get(sdk.notifications.REFUSAL_HEADER), 'bad-signature', 'refusal reason');
    },
  },
];

/** Run when the built package ships the sandbox: the same client calls against the SDK's own platform stand-in. */
export const sandboxChecks: readonly Check[] = [
  {
    name: 'client calls the sandbox (chinaums/sandbox/node) in both auth modes',
    async run({ sdk, sandboxUrl }) {
      ok(sandboxUrl, 'no sandbox URL was given');
      for (const auth of ['signature', 'access-token'] as const) {
        const ums = sdk.core.createChinaUmsClient({ ...APP, baseUrl: sandboxUrl, auth: auth === 'signature' ? auth : sdk.core.accessTokenAuth() });
        const data = await ums.netpayQuery({ ...QUERY_BODY });
        equal(data.errCode, 'SUCCESS', `${auth}: errCode`);
        equal(data.status, 'TRADE_SUCCESS', `${auth}: status of the seeded paid order`);
        equal(data.totalAmount, 100, `${auth}: totalAmount`);
      }
    },
  },
];
