// Reads a seed (apps, merchants, orders, pay-point orders) from parsed JSON, saying which entry is
// wrong; and applies it to the store. The Node adapter reads seed files; this part is portable.
import { SandboxInputError } from './input-error.js';
import {
  asRecord,
  optionalArray,
  optionalOneOf,
  optionalString,
  requiredPositiveInteger,
  requiredString,
  type JsonRecord,
} from './input-fields.js';
import type { SandboxStore } from './store.js';
import type {
  SandboxApp,
  SandboxMerchant,
  SandboxOrderInput,
  SandboxOrderSeed,
  SandboxPayPointOrderInput,
  SandboxSeed,
} from './types.js';

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
