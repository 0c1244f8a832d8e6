// 5. The Node endpoint under load (issue 15): a bare node:http server that reads the body and
// answers SUCCESS against createNodeNotificationHandler (default memory store), each in its own
// process on 127.0.0.1, loaded in turn by 50 keep-alive clients posting valid, signed, distinct
// notifications (distinct notifyIds, so dedupe never short-circuits). Reported: requests/s and the
// server's own CPU per request (process.cpuUsage inside it); the ratio handler/bare compares
// rounds run moments apart. Alone: node bench/suites/endpoint.mjs [--quick] [--stage-dir DIR [--reuse]]
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ratioSummary, summarize } from '../lib/stats.mjs';
import { NOTIFY_FIELDS, NOTIFY_KEY } from './fixtures.mjs';

const ID = '00000000-0000-4000-8000-000000000000';

/** A body source: each call gives the next notification, signed (SHA256), with its own notifyId. */
function notifications() {
  const fields = { ...NOTIFY_FIELDS, notifyId: ID };
  const names = Object.keys(fields).sort();
  const at = names.indexOf('notifyId');
  const join = (list) => list.map((name) => `${name}=${fields[name]}`).join('&');
  // Only notifyId changes: the string to sign is fixed text around it.
  const before = `${join(names.slice(0, at))}&notifyId=`;
  const after = `&${join(names.slice(at + 1))}${NOTIFY_KEY}`;
  const [head, tail] = new URLSearchParams(fields).toString().split(ID);
  let n = 0;
  return () => {
    const id = `${ID.slice(0, 24)}${(n++).toString(16).padStart(12, '0')}`;
    const sign = createHash('sha256').update(before + id + after).digest('hex').toUpperCase();
    return Buffer.from(`${head}${id}${tail}&sign=${sign}`);
  };
}

function startServer(pkg, mode, execArgv) {
  const child = fork(join(pkg, 'bench', 'suites', 'endpoint-server.mjs'), [mode], { cwd: pkg, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the ${mode} server exited (${code})`)));
  });
  return next().then(({ ready }) => ({ mode, port: ready, child, next }));
}

function post(agent, port, body) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/notify', method: 'POST', agent, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': body.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (text === 'SUCCESS' ? resolve() : reject(new Error(`answer ${res.statusCode} ${text}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` clients posting back to back for `ms`; the server reports its CPU over the same span. */
async function load(server, { concurrency, ms, nextBody }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const stopAt = performance.now() + ms;
  server.child.send('start');
  const started = performance.now();
  let sent = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < stopAt) {
      await post(agent, server.port, nextBody());
      sent++;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  server.child.send('stop');
  const { cpuMicros, answered } = await server.next();
  agent.destroy();
  if (answered !== sent) throw new Error(`the ${server.mode} server answered ${answered} of ${sent}`);
  return { perSecond: sent / seconds, cpuMicrosPerRequest: cpuMicros / sent };
}

/** `serverExecArgv` (e.g. --cpu-prof) is for looking into a server, as bench/suites/profile.mjs does in process. */
export async function endpointLoad(pkg, { rounds = 6, ms = 1000, warmupMs = 1000, concurrency = 50, serverExecArgv = [] } = {}) {
  const nextBody = notifications();
  const servers = [await startServer(pkg, 'bare', serverExecArgv), await startServer(pkg, 'handler', serverExecArgv)];
  try {
    for (const server of servers) await load(server, { concurrency, ms: warmupMs, nextBody });
    const samples = { bare: { rps: [], cpu: [] }, handler: { rps: [], cpu: [] } };
    for (let round = 0; round < rounds; round++) {
      for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
        const r = await load(server, { concurrency, ms, nextBody });
        samples[server.mode].rps.push(r.perSecond);
        samples[server.mode].cpu.push(r.cpuMicrosPerRequest);
      }
    }
    const row = (mode, label, extra) => {
      const cpu = summarize(samples[mode].cpu);
      const rps = summarize(samples[mode].rps);
      return { id: `endpoint.${mode}`, label, group: 'endpoint', unit: 'µs CPU/req', median: cpu.median, p25: cpu.p25, p75: cpu.p75, n: cpu.n, requestsPerSecond: rps.median, ...extra };
    };
    return [
      row('bare', `5 bare node:http, reads the body, answers SUCCESS (baseline)`, { isBaseline: true }),
      row('handler', `5 createNodeNotificationHandler, memory store`, { target: 2.5, ratio: ratioSummary(samples.handler.cpu, samples.bare.cpu), rpsRatio: summarize(samples.handler.rps.map((v, i) => v / samples.bare.rps[i])).median }),
    ];
  } finally {
    for (const server of servers) server.child.send('exit');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const { DEFAULT_PKG, stagePackage } = await import('../lib/stage.mjs');
  const i = argv.indexOf('--stage-dir');
  const pkg = resolve(i >= 0 ? argv[i + 1] : DEFAULT_PKG);
  // --reuse: a package staged before (e.g. from another commit, to compare) is run as it is.
  if (!argv.includes('--reuse')) await stagePackage(pkg);
  const rows = await endpointLoad(pkg, quick ? { rounds: 1, ms: 300, warmupMs: 200 } : {});
  for (const r of rows) {
    const ratio = r.ratio ? `, CPU ${r.ratio.median.toFixed(2)}× bare (target ≤ ${r.target}×), ${r.rpsRatio.toFixed(2)}× its requests/s` : '';
    console.log(`${r.label}: ${Math.round(r.requestsPerSecond)} req/s, ${r.median.toFixed(1)} µs CPU/request${ratio}`);
  }
}
