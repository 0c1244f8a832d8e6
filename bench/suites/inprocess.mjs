// The in-process cases (per-request overhead, notification verification), runnable on Node, Deno
// and Bun from inside the staged package, so `import('chinaums')` resolves through the package's
// own exports map exactly as a user's import would on that runtime. Prints one JSON line.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { md5 as nobleMd5 } from '@noble/hashes/legacy.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import createClient from 'openapi-fetch';
import { ratioSummary, sampleInterleaved, summarize } from '../lib/stats.mjs';
import { runtimeInfo } from '../lib/runtime.mjs';
import {
  APP_ID, APP_KEY, BASE_URL, NOTIFY_FIELDS, NOTIFY_KEY, NOTIFY_SIGN_SHA256, QUERY_BODY, QUERY_BODY_WITH_TIMESTAMP, SIGNING_VECTOR, fakeFetch,
} from './fixtures.mjs';
import { forgedBodies } from './forged.mjs';

const args = typeof globalThis.Deno !== 'undefined' ? globalThis.Deno.args : process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const settings = { rounds: option('rounds', 40), sampleMs: option('sample-ms', 8), warmupMs: option('warmup-ms', 250) };

const sdk = await import('chinaums');
const notifications = await import('chinaums/notifications');
const portable = await import('../../dist/index.js');
const portableNotifications = await import('../../dist/notifications.js');
const { nobleCrypto } = await import('../../dist/crypto.js');
const resolved = (specifier) => {
  try {
    return import.meta.resolve(specifier).replace(/^.*\/dist\//, 'dist/');
  } catch {
    return 'unknown';
  }
};

function check(condition, message) {
  if (!condition) throw new Error(`bench sanity check failed: ${message}`);
}

// ---- 1. Per-request client overhead -------------------------------------------------------------

const url = `${BASE_URL}/v1/netpay/query`;
const wireBody = JSON.stringify(QUERY_BODY_WITH_TIMESTAMP);
const unsigned = createClient({ baseUrl: BASE_URL, fetch: fakeFetch });
const signed = sdk.createChinaUmsClient({ appId: APP_ID, appKey: APP_KEY, baseUrl: BASE_URL, fetch: fakeFetch });
const signedPortable = portable.createChinaUmsClient({ appId: APP_ID, appKey: APP_KEY, baseUrl: BASE_URL, fetch: fakeFetch });
const signedNoble = portable.createChinaUmsClient({ appId: APP_ID, appKey: APP_KEY, baseUrl: BASE_URL, fetch: fakeFetch, crypto: nobleCrypto });
const tokenClient = sdk.createChinaUmsClient({ appId: APP_ID, appKey: APP_KEY, baseUrl: BASE_URL, fetch: fakeFetch, auth: sdk.accessTokenAuth() });

// Each path must do its real work once before it is timed: a signed header, a parsed answer.
{
  let authorization = '';
  const spy = sdk.createChinaUmsClient({
    appId: APP_ID, appKey: APP_KEY, baseUrl: BASE_URL,
    fetch: (request) => ((authorization = request.headers.get('authorization') ?? ''), fakeFetch(request)),
  });
  const data = await spy.netpayQuery(QUERY_BODY);
  check(authorization.startsWith('OPEN-BODY-SIG ') && data.totalAmount === 100, 'signed netpayQuery');
  check((await unsigned.POST('/v1/netpay/query', { body: QUERY_BODY_WITH_TIMESTAMP })).data.errCode === 'SUCCESS', 'openapi-fetch POST');
  check((await tokenClient.netpayQuery(QUERY_BODY)).errCode === 'SUCCESS', 'access-token netpayQuery (warms the token cache)');
  const vector = await sdk.createOpenBodySignature(SIGNING_VECTOR);
  check(vector.endsWith(`Signature="${SIGNING_VECTOR.signature}"`), 'signing vector through the resolved entry');
}

const requestCases = [
  {
    id: 'req.fetch', label: '1a bare fetch(new Request) + res.json()', group: 'request',
    fn: async () => {
      const res = await fakeFetch(new Request(url, { method: 'POST', body: wireBody, headers: { 'content-type': 'application/json' } }));
      await res.json();
    },
  },
  { id: 'req.openapi', label: '1b openapi-fetch POST, unsigned (baseline)', group: 'request', fn: () => unsigned.POST('/v1/netpay/query', { body: QUERY_BODY_WITH_TIMESTAMP }) },
  {
    // What a cancellable timeout alone costs here: the SDK gives every attempt a signal (bench/README).
    id: 'req.openapi.signal', label: "1b′ openapi-fetch POST + AbortController/setTimeout signal", group: 'request', info: true,
    fn: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      await unsigned.POST('/v1/netpay/query', { body: QUERY_BODY_WITH_TIMESTAMP, signal: controller.signal });
      clearTimeout(timer);
    },
  },
  { id: 'req.signed', label: '1c netpayQuery, OPEN-BODY-SIG (resolved entry)', group: 'request', target: 1.5, fn: () => signed.netpayQuery(QUERY_BODY) },
  { id: 'req.token', label: '1d netpayQuery, access token, warm cache', group: 'request', target: 1.5, fn: () => tokenClient.netpayQuery(QUERY_BODY) },
  { id: 'req.signed.web', label: '1c′ netpayQuery, OPEN-BODY-SIG, portable entry (Web Crypto)', group: 'request', info: true, fn: () => signedPortable.netpayQuery(QUERY_BODY) },
  { id: 'req.signed.noble', label: '1c″ netpayQuery, OPEN-BODY-SIG, crypto: nobleCrypto (pure JS)', group: 'request', info: true, fn: () => signedNoble.netpayQuery(QUERY_BODY) },
];

// ---- 1e. The floor for signing: what a merchant would write by hand -------------------------------
// A minimal OPEN-BODY-SIG signer with a cancellable timeout (node:crypto), sending through the same
// openapi-fetch POST the SDK is built on: no checks, no retries, no typing. The SDK's signed call is
// held to ≤ 1.05× of it (issue 15); 1a/1b show what the transport itself costs.
const pad2 = (n) => String(n).padStart(2, '0');
function beijing(ms) {
  const d = new Date(ms + 8 * 3600_000);
  const date = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return { dateTime: `${date} ${time}`, compact: (date + time).replace(/[-:]/g, '') };
}
async function handSigned() {
  const now = beijing(Date.now());
  const body = JSON.stringify({ requestTimestamp: now.dateTime, ...QUERY_BODY });
  const nonce = randomUUID().replace(/-/g, '');
  const digest = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', APP_KEY).update(APP_ID + now.compact + nonce + digest).digest('base64');
  const authorization = `OPEN-BODY-SIG AppId="${APP_ID}", Timestamp="${now.compact}", Nonce="${nonce}", Signature="${signature}"`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    // The body goes out as the exact bytes that were signed.
    const { data } = await unsigned.POST('/v1/netpay/query', { body, bodySerializer: (text) => text, headers: { authorization }, signal: controller.signal });
    if (data.errCode !== 'SUCCESS') throw new Error(data.errCode);
    return data;
  } finally {
    clearTimeout(timer);
  }
}
check((await handSigned()).totalAmount === '100', 'hand-written signer');
const floorCases = [
  { id: 'req.floor', label: '1e hand-written OPEN-BODY-SIG signer + cancellable timeout, openapi-fetch POST (baseline)', group: 'signer', fn: handSigned },
  { id: 'req.signed.floor', label: '1e netpayQuery, OPEN-BODY-SIG (resolved entry) / the hand-written signer', group: 'signer', target: 1.05, fn: () => signed.netpayQuery(QUERY_BODY) },
];

// ---- 2. Notification verification ---------------------------------------------------------------

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0').toUpperCase());
const hexUpper = (bytes) => {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
};
const encoder = new TextEncoder();
/** Synchronous hashers this runtime has; the floor uses whichever is fastest here, measured below. */
const hashers = {
  'node:crypto': { MD5: (s) => createHash('md5').update(s).digest('hex').toUpperCase(), SHA256: (s) => createHash('sha256').update(s).digest('hex').toUpperCase() },
  '@noble/hashes': { MD5: (s) => hexUpper(nobleMd5(encoder.encode(s))), SHA256: (s) => hexUpper(nobleSha256(encoder.encode(s))) },
};
if (typeof globalThis.Bun !== 'undefined') {
  const { CryptoHasher } = globalThis.Bun;
  hashers['Bun.CryptoHasher'] = { MD5: (s) => new CryptoHasher('md5').update(s).digest('hex').toUpperCase(), SHA256: (s) => new CryptoHasher('sha256').update(s).digest('hex').toUpperCase() };
}

/** The floor: parse once, sort by name, hash `k=v&…` + key, compare. No validation, no typing. */
function floorVerify(body, key, hash) {
  const fields = [];
  let sign = '';
  let signType = 'SHA256';
  for (const [name, value] of new URLSearchParams(body)) {
    if (name === 'sign') sign = value;
    else {
      if (name === 'signType') signType = value.toUpperCase();
      if (value !== '') fields.push([name, value]);
    }
  }
  fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let text = '';
  for (let i = 0; i < fields.length; i++) text += (i === 0 ? '' : '&') + fields[i][0] + '=' + fields[i][1];
  return hash[signType === 'MD5' ? 'MD5' : 'SHA256'](text + key) === sign.toUpperCase();
}

const bodies = {};
for (const signType of ['MD5', 'SHA256']) {
  const fields = { ...NOTIFY_FIELDS, signType };
  // Signed by the SDK's own signNotification (portable entry), checked against the vendor vector.
  const sign = await portableNotifications.signNotification(fields, { key: NOTIFY_KEY });
  if (signType === 'SHA256') check(sign === NOTIFY_SIGN_SHA256, 'signNotification reproduces the vendor sign');
  bodies[signType] = new URLSearchParams({ ...fields, sign }).toString();
}

// Pick the floor's hasher: a short interleaved run of each candidate on the real string to sign.
const floorHash = {};
for (const signType of ['MD5', 'SHA256']) {
  const candidates = Object.entries(hashers).map(([name, hash]) => ({ id: name, fn: () => floorVerify(bodies[signType], NOTIFY_KEY, hash) }));
  for (const c of candidates) check(c.fn() === true, `floor with ${c.id} (${signType})`);
  // Long enough that noise does not pick a slower hasher (a short run flipped between runs, and a
  // slower floor flatters every ratio against it).
  const { samples } = await sampleInterleaved(candidates, { rounds: 21, sampleMs: 4, warmupMs: 100 });
  const best = candidates.map((c) => [c.id, summarize(samples[c.id]).median]).sort((a, b) => a[1] - b[1])[0][0];
  floorHash[signType] = best;
}

const verifyCases = [];
for (const signType of ['MD5', 'SHA256']) {
  const body = bodies[signType];
  const hash = hashers[floorHash[signType]];
  const tag = signType === 'MD5' ? 'md5' : 'sha256';
  for (const [verify, name] of [[notifications.verifyNotification, 'resolved'], [portableNotifications.verifyNotification, 'portable']]) {
    const result = await verify(body, { key: NOTIFY_KEY });
    check(result.ok === true && result.signType === signType && result.notification.totalAmount === 1, `verifyNotification ${signType} (${name})`);
  }
  verifyCases.push(
    { id: `verify.${tag}.floor`, label: `2 ${signType} floor: URLSearchParams + sort + ${floorHash[signType]} (baseline)`, group: `verify.${tag}`, fn: async () => floorVerify(body, NOTIFY_KEY, hash) },
    { id: `verify.${tag}`, label: `2 ${signType} verifyNotification (resolved entry, validated)`, group: `verify.${tag}`, target: 1.3, fn: () => notifications.verifyNotification(body, { key: NOTIFY_KEY }) },
    { id: `verify.${tag}.novalidate`, label: `2 ${signType} verifyNotification, validate: false`, group: `verify.${tag}`, info: true, fn: () => notifications.verifyNotification(body, { key: NOTIFY_KEY, validate: false }) },
    { id: `verify.${tag}.web`, label: `2 ${signType} verifyNotification, portable entry (Web Crypto)`, group: `verify.${tag}`, info: true, fn: () => portableNotifications.verifyNotification(body, { key: NOTIFY_KEY }) },
  );
}

// ---- 4. Forged notifications: the cost of refusing, by shape (bench/suites/forged.mjs) --------------

const forgedCases = [];
for (const { id, label, body } of forgedBodies) {
  check(new TextEncoder().encode(body).length <= notifications.DEFAULT_MAX_BODY_BYTES, `forged ${id} fits the size limit`);
  const result = await notifications.verifyNotification(body, { key: NOTIFY_KEY });
  check(result.ok === false && result.reason !== 'body-too-large', `forged ${id} is refused for its content (${result.reason})`);
  const isBaseline = id === 'realistic';
  forgedCases.push({
    id: `forged.${id}`, label: `4 ${label}${isBaseline ? '' : ` → ${result.reason}`}`, group: 'forged', target: isBaseline ? undefined : 10,
    fn: () => notifications.verifyNotification(body, { key: NOTIFY_KEY }),
  });
}

// ---- Run: one interleaved pass per group, so each ratio compares samples from the same rounds. --

const baselines = { request: 'req.openapi', signer: 'req.floor', 'verify.md5': 'verify.md5.floor', 'verify.sha256': 'verify.sha256.floor', forged: 'forged.realistic' };
const results = [];
// MD5 and SHA-256 verification share one sampling pass (each against its own floor): sampled one
// after the other, the second group ran on code the first had optimized, which cost it ~0.1×
// whichever came second. The portable entry's rows (Web Crypto: the same code, handed promises)
// come after both, so they cannot make the resolved entry's code polymorphic before it is timed.
const portableVerify = verifyCases.filter((c) => c.id.endsWith('.web'));
const verifyFloors = verifyCases.filter((c) => c.id.endsWith('.floor'));
const resolvedVerify = verifyCases.filter((c) => !portableVerify.includes(c));
for (const cases of [requestCases, floorCases, resolvedVerify, [...verifyFloors, ...portableVerify], forgedCases]) {
  const { samples, batch } = await sampleInterleaved(cases, settings);
  for (const c of cases) {
    // A floor sampled again as the baseline of a later pass is reported once, from its first pass.
    if (results.some((r) => r.id === c.id)) continue;
    const { group } = c;
    const base = samples[baselines[group]];
    const time = summarize(samples[c.id]);
    const ratio = c.id === baselines[group] ? undefined : ratioSummary(samples[c.id], base);
    // The raw rounds too, so that run.mjs can pool several processes (µs per operation; ratio to the baseline's same round).
    const rounds = { times: samples[c.id].map((ms) => ms * 1000), ratios: ratio ? samples[c.id].map((ms, i) => ms / base[i]) : undefined };
    results.push({ id: c.id, label: c.label, group, baseline: baselines[group], isBaseline: c.id === baselines[group], target: c.target, info: !!c.info, batch: batch[c.id], unit: 'µs', median: time.median * 1000, p25: time.p25 * 1000, p75: time.p75 * 1000, n: time.n, ratio, rounds });
  }
}

const output = {
  runtime: runtimeInfo(),
  resolved: { root: resolved('chinaums'), notifications: resolved('chinaums/notifications') },
  floorHash,
  settings,
  results,
};
console.log(`BENCH_JSON ${JSON.stringify(output)}`);
