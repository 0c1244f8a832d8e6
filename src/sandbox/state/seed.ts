// What the sandbox starts with: its built-in identities (the demo app, the public test merchant),
// and seeds (apps, merchants, orders, pay-point orders) read from parsed JSON, saying which entry
// is wrong, then applied to the store. The Node adapter reads seed files; this part is portable.
import {
  asRecord,
  optionalArray,
  optionalOneOf,
  optionalString,
  requiredPositiveInteger,
  requiredString,
  SandboxInputError,
  type JsonRecord,
} from './input.js';
import type { SandboxStore } from './orders.js';
import type {
  SandboxApp,
  SandboxMerchant,
  SandboxOrderInput,
  SandboxOrderSeed,
  SandboxPayPointOrderInput,
  SandboxSeed,
} from '../types.js';

// The built-in identities are not secrets: they only open the local sandbox, and the demo, the
// CLI and the tests share them so that `chinaums sandbox` works with no configuration.

/** The app the sandbox accepts by default (32-character appId, like the platform's). */
export const DEMO_APP: SandboxApp = Object.freeze({
  appId: 'chinaumssandbox00000000000000001',
  appKey: 'sandbox-app-key-not-a-secret-001',
});

/** The communication key (md5Key) the sandbox signs notifications with by default. */
export const DEMO_NOTIFY_KEY = 'sandbox-notify-key-not-a-secret-0001';

/** ChinaUMS's public test merchant (protocol.md, "Hosts"). */
export const TEST_MERCHANT: SandboxMerchant & { readonly msgSrcId: string } = Object.freeze({
  mid: '898201612345678',
  tids: Object.freeze(['88880001']),
  name: '银联商务测试商户',
  // The test merchant's 来源编号, as in the vendor's signed notification sample (merOrderId 3194…).
  msgSrcId: '3194',
});
const MAX_SEED_ENTRIES = 10_000;

function list<T>(record: JsonRecord, name: string, read: (value: unknown, what: string) => T): T[] {
  const items = optionalArray(record, name, 'seed');
  if (items.length > MAX_SEED_ENTRIES) throw new SandboxInputError('INVALID_INPUT', `seed.${name} has more than ${MAX_SEED_ENTRIES} entries.`);
  return items.map((item, i) => read(item, `seed.${name}[${i}]`));
}

function readApp(value: unknown, what: string): SandboxApp {
  const record = asRecord(value, what);
  return { appId: requiredString(record, 'appId', what), appKey: requiredString(record, 'appKey', what) };
}

export function readMerchant(value: unknown, what: string): SandboxMerchant {
  const record = asRecord(value, what);
  const tids = optionalArray(record, 'tids', what);
  if (tids.length === 0 || !tids.every((tid) => typeof tid === 'string' && tid !== '')) {
    throw new SandboxInputError('INVALID_INPUT', `${what}.tids must be a non-empty array of terminal ids.`);
  }
  const msgSrcId = optionalString(record, 'msgSrcId', what);
  if (msgSrcId !== undefined && !/^[0-9A-Za-z]{4}$/.test(msgSrcId)) throw new SandboxInputError('INVALID_INPUT', `${what}.msgSrcId must be 4 letters or digits.`);
  const merchant = { mid: requiredString(record, 'mid', what), tids: tids as string[], name: optionalString(record, 'name', what) ?? '沙箱商户' };
  return msgSrcId === undefined ? merchant : { ...merchant, msgSrcId };
}

/** The fields of an order to create, from control routes and seeds alike. */
export function readOrderInput(value: unknown, what: string): SandboxOrderInput {
  const record = asRecord(value, what);
  const fields: Record<string, unknown> = {
    merOrderId: optionalString(record, 'merOrderId', what),
    kind: optionalOneOf(record, 'kind', what, ['payment', 'preauth', 'bill'] as const),
    mid: optionalString(record, 'mid', what),
    tid: optionalString(record, 'tid', what),
    instMid: optionalString(record, 'instMid', what),
    totalAmount: requiredPositiveInteger(record, 'totalAmount', what),
    orderDesc: optionalString(record, 'orderDesc', what),
    notifyUrl: optionalNotifyUrl(record, what),
    returnUrl: optionalHttpUrl(record, 'returnUrl', what),
    attachedData: optionalString(record, 'attachedData', what),
    billNo: optionalString(record, 'billNo', what),
    billDate: optionalString(record, 'billDate', what),
    qrCodeId: optionalString(record, 'qrCodeId', what),
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields as unknown as SandboxOrderInput;
}

function optionalNotifyUrl(record: JsonRecord, what: string): string | undefined {
  return optionalHttpUrl(record, 'notifyUrl', what);
}

function optionalHttpUrl(record: JsonRecord, name: string, what: string): string | undefined {
  const url = optionalString(record, name, what);
  if (url === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SandboxInputError('INVALID_INPUT', `${what}.${name} must be an absolute http(s) URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SandboxInputError('INVALID_INPUT', `${what}.${name} must use http or https.`);
  }
  return url;
}

function readOrderSeed(value: unknown, what: string): SandboxOrderSeed {
  const state = optionalOneOf(asRecord(value, what), 'state', what, ['created', 'paid', 'refunded', 'closed'] as const);
  const input = readOrderInput(value, what);
  return state === undefined ? input : { ...input, state };
}

export function readPayPointOrderInput(value: unknown, what: string): SandboxPayPointOrderInput {
  const record = asRecord(value, what);
  const fields: Record<string, string | undefined> = {
    fenOrderId: optionalString(record, 'fenOrderId', what),
    mid: optionalString(record, 'mid', what),
    serviceId: optionalString(record, 'serviceId', what),
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/** Checks parsed JSON as a seed; throws SandboxInputError naming the first bad entry. */
export function parseSandboxSeed(value: unknown): SandboxSeed {
  const record = asRecord(value, 'seed');
  return {
    apps: list(record, 'apps', readApp),
    merchants: list(record, 'merchants', readMerchant),
    orders: list(record, 'orders', readOrderSeed),
    payPointOrders: list(record, 'payPointOrders', readPayPointOrderInput),
  };
}

/** Creates the seed's orders in the state they are declared in (no notifications are sent). */
export function applySeedOrders(store: SandboxStore, seed: SandboxSeed): void {
  for (const entry of seed.orders ?? []) {
    const { state, ...input } = entry;
    const order = store.createOrder(input);
    if (state === 'paid' || state === 'refunded') store.pay(order.merOrderId);
    if (state === 'refunded') store.refund(order.merOrderId);
    if (state === 'closed') store.close(order.merOrderId);
  }
  for (const entry of seed.payPointOrders ?? []) store.createPayPointOrder(entry);
}
