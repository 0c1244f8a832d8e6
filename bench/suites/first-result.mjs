// 5. Time to first result: a fresh process per sample on each runtime imports one built entry and
// produces its first result (first-result-probe.mjs): a signed OPEN-BODY-SIG header
// (`createOpenBodySignature`, the vendor vector) or a verified notification (`verifyNotification`,
// MD5 and SHA-256). Each candidate entry is timed (portable vs Node), so the export conditions can
// give every runtime the one that is fastest to its first result. Import + first call are timed
// inside the child (process start-up excluded); every case once per round, rotated order.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NOTIFY_FIELDS, NOTIFY_KEY, NOTIFY_SIGN_SHA256 } from './fixtures.mjs';
import { ratioSummary, summarize } from '../lib/stats.mjs';

/** What each task imports: the portable entry and the Node entry of the same subpath. */
const TASKS = [
  { task: 'sign', label: 'signed header', subpath: 'chinaums', entries: { portable: 'index.js', node: 'index.node.js' } },
  { task: 'verify', signType: 'MD5', label: 'verified MD5 notification', subpath: 'chinaums/notifications', entries: { portable: 'notifications.js', node: 'notifications.node.js' } },
  { task: 'verify', signType: 'SHA256', label: 'verified SHA-256 notification', subpath: 'chinaums/notifications', entries: { portable: 'notifications.js', node: 'notifications.node.js' } },
];

/** The two notification bodies, signed by the built SDK itself (the SHA-256 one is the vendor's vector). */
async function signedBodies(pkg) {
  const { signNotification } = await import(pathToFileURL(join(pkg, 'dist', 'notifications.js')).href);
  const bodies = {};
  for (const signType of ['MD5', 'SHA256']) {
    const fields = { ...NOTIFY_FIELDS, signType };
    const sign = await signNotification(fields, { key: NOTIFY_KEY });
    if (signType === 'SHA256' && sign !== NOTIFY_SIGN_SHA256) throw new Error('signNotification does not reproduce the vendor sign');
    bodies[signType] = new URLSearchParams({ ...fields, sign }).toString();
  }
  return bodies;
}

function probeOnce(pkg, runtime, args, timeoutMs) {
  const child = spawnSync(runtime.command, [...runtime.args, join(pkg, 'bench', 'suites', 'first-result-probe.mjs'), ...args], {
    cwd: pkg, env: { ...process.env, ...runtime.env }, encoding: 'utf8', timeout: timeoutMs,
  });
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('FIRST_JSON '));
  const result = line ? JSON.parse(line.slice('FIRST_JSON '.length)) : undefined;
  if (child.status !== 0 || !result?.ok) throw new Error(`${args[0]} ${args[1]}: ${(child.stderr || child.error?.message || 'no result').trim().split('\n').slice(-4).join('\n')}`);
  return result;
}

/**
 * `runtimes`: name → { command, args, env } (bench/run.mjs RUNTIMES). Returns, per runtime, the
 * dist files the exports map resolves there and table rows (each entry's ratio to the portable one).
 */
export async function firstResult(pkg, { rounds, runtimes, timeoutMs = 60_000 }) {
  const bodies = await signedBodies(pkg);
  const resolvedBy = Object.fromEntries(Object.keys(runtimes).map((name) => [name, probeOnce(pkg, runtimes[name], ['resolve'], timeoutMs).resolved]));
  const cases = [];
  for (const runtime of Object.keys(runtimes)) {
    for (const t of TASKS) {
      for (const [kind, file] of Object.entries(t.entries)) {
        const id = `${runtime}.${t.task}.${t.signType ?? ''}.${kind}`;
        const args = [t.task, pathToFileURL(join(pkg, 'dist', file)).href, ...(t.signType ? [bodies[t.signType]] : [])];
        cases.push({ id, runtime, task: t, kind, file, args, baseline: `${runtime}.${t.task}.${t.signType ?? ''}.portable` });
      }
    }
  }
  // One unrecorded pass: the file-system cache (and each runtime's own caches) warm for all alike.
  for (const c of cases) probeOnce(pkg, runtimes[c.runtime], c.args, timeoutMs);
  const samples = Object.fromEntries(cases.map((c) => [c.id, { total: [], importMs: [], firstMs: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < cases.length; k++) {
      const c = cases[(k + round) % cases.length];
      const r = probeOnce(pkg, runtimes[c.runtime], c.args, timeoutMs);
      samples[c.id].total.push(r.importMs + r.firstMs);
      samples[c.id].importMs.push(r.importMs);
      samples[c.id].firstMs.push(r.firstMs);
    }
  }
  const byRuntime = Object.fromEntries(Object.keys(runtimes).map((name) => [name, { resolved: resolvedBy[name], rows: [] }]));
  for (const c of cases) {
    const s = samples[c.id];
    const total = summarize(s.total);
    const resolved = resolvedBy[c.runtime][c.task.subpath] === `dist/${c.file}`;
    byRuntime[c.runtime].rows.push({
      id: c.id, runtime: c.runtime, task: c.task.label, kind: c.kind, file: c.file, resolved,
      label: `5 ${c.task.label}: ${c.kind} entry (dist/${c.file})${resolved ? ' ← resolved' : ''}`,
      isBaseline: c.kind === 'portable', info: true, unit: 'ms',
      median: total.median, p25: total.p25, p75: total.p75, n: total.n,
      importMs: summarize(s.importMs).median, firstMs: summarize(s.firstMs).median,
      ratio: c.kind === 'portable' ? undefined : ratioSummary(s.total, samples[c.baseline].total),
    });
  }
  return byRuntime;
}

/**
 * Per task, the faster entry by the median of the per-round ratios (both sampled in the same
 * rounds, so shared noise cancels), and whether the exports map resolves it.
 */
export function bestEntries(rows) {
  const byTask = new Map();
  for (const r of rows) byTask.set(r.task, [...(byTask.get(r.task) ?? []), r]);
  return [...byTask].map(([task, list]) => {
    const portable = list.find((r) => r.isBaseline);
    const other = list.find((r) => !r.isBaseline);
    const best = other.ratio.median < 1 ? other : portable;
    return { task, best: best.file, resolvedIsBest: best.resolved };
  });
}
