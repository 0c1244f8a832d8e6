#!/usr/bin/env node
// `npm run bench`: the cost of signing and verifying against the floor and against plain
// openapi-fetch. A report, not a gate: it always exits 0 (unless the harness itself breaks) and
// lists the targets missed. Every figure is a ratio to a baseline sampled in the same run,
// interleaved with it; see BENCHMARKS.md for the method and a recorded run.
//
//   node bench/run.mjs [--quick] [--runtimes node,deno,bun] [--skip inprocess,cold,first,endpoint,size] [--processes N] [--markdown FILE] [--stage-dir DIR]
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { machineInfo } from './lib/machine.mjs';
import { poolRuns } from './lib/stats.mjs';
import { fmt, markdownTable, textTable } from './lib/table.mjs';
import { BIN, DEFAULT_PKG, ROOT, TMP, stagePackage } from './lib/stage.mjs';
import { bundleSizes } from './suites/bundle-size.mjs';
import { coldStart } from './suites/cold-start.mjs';
import { endpointLoad } from './suites/endpoint.mjs';
import { bestEntries, firstResult } from './suites/first-result.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const quick = flag('quick');
const runtimesWanted = value('runtimes', 'node,deno,bun').split(',');
const skip = new Set(value('skip', '').split(',').filter(Boolean));
const markdownFile = value('markdown', join(TMP, 'last-run.md'));
const PKG = resolve(value('stage-dir', DEFAULT_PKG));

// Sized so a full run stays well under two minutes on 2 busy cores; --quick only proves it works.
const inProcess = quick ? { rounds: 3, sampleMs: 1, warmupMs: 15 } : { rounds: 40, sampleMs: 8, warmupMs: 250 };
// Where the targets apply (Node), the in-process suite runs in this many fresh processes and their
// rounds are pooled: one process's JIT and GC history moved a ratio by more than its own p25–p75
// (verification 1.11–1.40× across runs with no code change).
const nodeProcesses = Number(value('processes', quick ? '1' : '3'));
const coldRounds = quick ? 1 : 21;
// About 15 s: two servers, six interleaved one-second rounds each after a warm-up.
const endpointSettings = quick ? { rounds: 1, ms: 300, warmupMs: 200 } : { rounds: 6, ms: 1000, warmupMs: 1000 };
const firstRounds = quick ? 1 : 9;
const CHILD_TIMEOUT_MS = quick ? 60_000 : 120_000;

const DENO_DIR = join(ROOT, '.deno');
const RUNTIMES = {
  node: { command: process.execPath, args: [], env: {} },
  // Offline: node_modules as is, no lockfile, no downloads, no prompts; reads inside the repo only.
  deno: { command: BIN('deno'), args: ['run', '--node-modules-dir=manual', '--no-lock', '--cached-only', '--no-prompt', `--allow-read=${ROOT}`], env: { DENO_DIR, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' } },
  bun: { command: BIN('bun'), args: ['run', '--no-install'], env: { DO_NOT_TRACK: '1' } },
};

function runChild(command, args, env, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: PKG, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: -1, stdout, stderr: stderr + String(error) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function runInProcess(name) {
  const runs = [];
  for (let i = 0; i < (name === 'node' ? nodeProcesses : 1); i++) {
    const run = await runInProcessOnce(name);
    if (run.failed) return run;
    runs.push(run);
  }
  return poolRuns(runs);
}

async function runInProcessOnce(name) {
  const runtime = RUNTIMES[name];
  const args = [...runtime.args, join(PKG, 'bench', 'suites', 'inprocess.mjs'), '--rounds', String(inProcess.rounds), '--sample-ms', String(inProcess.sampleMs), '--warmup-ms', String(inProcess.warmupMs)];
  const started = performance.now();
  const result = await runChild(runtime.command, args, runtime.env, CHILD_TIMEOUT_MS);
  const line = result.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (result.code !== 0 || !line) {
    return { name, failed: `exit ${result.code}: ${(result.stderr || result.stdout).trim().split('\n').slice(-6).join('\n')}` };
  }
  return { name, seconds: (performance.now() - started) / 1000, ...JSON.parse(line.slice('BENCH_JSON '.length)) };
}

/** One table row; `pass`/`MISS` only for rows with a target, measured against their baseline. */
function row(r) {
  const spread = `${fmt(r.p25, 1)}–${fmt(r.p75, 1)}`;
  // Pooled rows also show each process's own median, so a disagreement between processes shows.
  const processes = r.perProcess && r.target !== undefined ? `; processes ${r.perProcess.map((m) => fmt(m, 2)).join(' · ')}` : '';
  const ratio = r.isBaseline ? '1.00 (baseline)' : `${fmt(r.ratio.median, 2)} (${fmt(r.ratio.p25, 2)}–${fmt(r.ratio.p75, 2)}${processes})`;
  const verdict = r.target === undefined ? (r.isBaseline ? 'baseline' : 'info') : r.ratio.median <= r.target ? 'pass' : 'MISS';
  const target = r.target !== undefined ? `≤ ${r.target}×` : r.nodeTarget !== undefined ? `(Node: ≤ ${r.nodeTarget}×)` : '—';
  return [r.label, `${fmt(r.median, 1)} ${r.unit}`, `${spread} ${r.unit}`, ratio, target, verdict];
}

const HEADER = ['case', 'median', 'spread (p25–p75)', 'ratio (p25–p75)', 'target', 'result'];
const FIRST_HEADER = ['case', 'import', 'first call', 'total (median)', 'total p25–p75', 'total ÷ portable (p25–p75)'];

async function main() {
  const started = performance.now();
  const machine = machineInfo();
  console.log(`chinaums bench${quick ? ' (--quick: too few samples to mean anything)' : ''}`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; load average ${machine.loadAverage.join(' ')}`);
  const stagedMs = await stagePackage(PKG);
  console.log(`built the package with tsup into ${PKG.replace(ROOT, '')} in ${fmt(stagedMs / 1000, 1)} s`);

  const sections = [];
  const misses = [];
  const collect = (title, rows) => {
    sections.push({ title, rows });
    for (const r of rows) if (r.target !== undefined && !(r.ratio.median <= r.target)) misses.push(`${title}: ${r.label}: ${fmt(r.ratio.median, 2)}× (target ≤ ${r.target}×)`);
  };

  const runtimes = [];
  for (const name of runtimesWanted) {
    if (!RUNTIMES[name]) throw new Error(`unknown runtime ${name}`);
    if (skip.has('inprocess')) continue;
    const result = await runInProcess(name);
    runtimes.push(result);
    if (result.failed) {
      console.log(`\n${name}: the harness did not run there (${result.failed})`);
      continue;
    }
    const rt = result.runtime;
    const title = `${rt.name} ${rt.version}${rt.v8 ? ` (V8 ${rt.v8})` : rt.engine ? ` (${rt.engine})` : ''}`;
    // The targets are set for Node; elsewhere the same ratios are reported for information.
    if (rt.name !== 'node') for (const r of result.results) if (r.target !== undefined) (r.nodeTarget = r.target), delete r.target;
    collect(title, result.results);
    const processes = result.processes ?? 1;
    console.log(`\n## ${title} — in-process, ${processes > 1 ? `${processes} processes × ` : ''}${result.settings.rounds} interleaved rounds, ${fmt(result.seconds, 1)} s`);
    console.log(`   'chinaums' resolves to ${result.resolved.root}, 'chinaums/notifications' to ${result.resolved.notifications}; floor hash: MD5 ${result.floorHash.MD5}, SHA-256 ${result.floorHash.SHA256}`);
    console.log(textTable(HEADER, result.results.map(row)));
  }

  let cold;
  if (!skip.has('cold')) {
    const t = performance.now();
    cold = coldStart(PKG, { rounds: coldRounds });
    const title = `node ${process.versions.node} — cold start, fresh process per import, ${coldRounds} interleaved rounds, ${fmt((performance.now() - t) / 1000, 1)} s`;
    collect(`node ${process.versions.node} cold start`, cold);
    console.log(`\n## ${title}`);
    console.log(textTable(HEADER, cold.map(row)));
  }

  let endpoint;
  const ENDPOINT_HEADER = ['case', 'requests/s', 'server CPU/request', 'spread (p25–p75)', 'CPU ratio (p25–p75)', 'target', 'result'];
  const endpointRows = () =>
    endpoint.map((r) => {
      const [label, median, spread, ratio, target, verdict] = row(r);
      return [label, fmt(r.requestsPerSecond, 0), median, spread, ratio, target, verdict];
    });
  if (!skip.has('endpoint')) {
    const t = performance.now();
    endpoint = await endpointLoad(PKG, endpointSettings);
    const title = `node ${process.versions.node} — Node endpoint under load, 50 keep-alive clients on 127.0.0.1, separate server processes, ${endpointSettings.rounds} interleaved rounds, ${fmt((performance.now() - t) / 1000, 1)} s`;
    collect(`node ${process.versions.node} endpoint`, endpoint);
    console.log(`\n## ${title}`);
    console.log(textTable(ENDPOINT_HEADER, endpointRows()));
  }

  if (!skip.has('first')) {
    const t = performance.now();
    const wanted = Object.fromEntries(runtimesWanted.map((name) => [name, RUNTIMES[name]]));
    const first = await firstResult(PKG, { rounds: firstRounds, runtimes: wanted, timeoutMs: CHILD_TIMEOUT_MS });
    const seconds = (performance.now() - t) / 1000;
    for (const [name, { resolved, rows }] of Object.entries(first)) {
      const title = `${name} time to first result (fresh process per sample, import + first call, ${firstRounds} rounds)`;
      const cells = rows.map((r) => [r.label, `${fmt(r.importMs, 1)} ms`, `${fmt(r.firstMs, 1)} ms`, `${fmt(r.median, 1)} ms`, `${fmt(r.p25, 1)}–${fmt(r.p75, 1)} ms`, r.isBaseline ? '1.00 (baseline)' : `${fmt(r.ratio.median, 2)} (${fmt(r.ratio.p25, 2)}–${fmt(r.ratio.p75, 2)})`]);
      const best = bestEntries(rows).map((b) => `${b.task} → dist/${b.best}${b.resolvedIsBest ? '' : ' (NOT the resolved entry)'}`).join('; ');
      const note = `\`chinaums\` → \`${resolved.chinaums}\`, \`chinaums/notifications\` → \`${resolved['chinaums/notifications']}\`. Fastest: ${best}.`;
      sections.push({ title, rows: [], table: (render) => `${render(FIRST_HEADER, cells)}\n\n${note}` });
      console.log(`\n## ${title}, ${fmt(seconds, 1)} s for all runtimes`);
      console.log(textTable(FIRST_HEADER, cells));
      console.log(note);
    }
  }

  let sizes;
  const SIZE_HEADER = ['entry', 'min', 'min + gzip', '× openapi-fetch (gzip)'];
  const sizeRows = () => sizes.map((s) => [`${s.label} [${s.entry}]`, `${fmt(s.min / 1024, 1)} KiB`, `${fmt(s.gzip / 1024, 1)} KiB`, fmt(s.gzip / sizes[0].gzip, 2)]);
  if (!skip.has('size')) {
    sizes = await bundleSizes(PKG);
    console.log('\n## bundle sizes — esbuild --bundle --minify (dependencies included), gzip -9');
    console.log(textTable(SIZE_HEADER, sizeRows()));
  }

  const after = machineInfo().loadAverage;
  const seconds = (performance.now() - started) / 1000;
  console.log(`\nload average at the end ${after.join(' ')}; total ${fmt(seconds, 1)} s`);
  if (misses.length === 0) console.log('\nAll targets met.');
  else console.log(`\nTARGETS MISSED (${misses.length}):\n${misses.map((m) => `  ✗ ${m}`).join('\n')}`);

  // The same report in Markdown, to paste into BENCHMARKS.md.
  const md = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.os}. Load average ${machine.loadAverage.join(' ')} at the start, ${after.join(' ')} at the end (other work was running).`,
    `Runtimes: ${runtimes.map((r) => (r.failed ? `${r.name} (did not run)` : `${r.runtime.name} ${r.runtime.version}`)).join(', ')}. Total ${fmt(seconds, 0)} s.`,
    ...sections.map((s) => `\n### ${s.title}\n\n${s.table ? s.table(markdownTable) : markdownTable(HEADER, s.rows.map(row))}`),
    ...runtimes.filter((r) => !r.failed).map((r) => `\n${r.runtime.name}: \`chinaums\` → \`${r.resolved.root}\`, \`chinaums/notifications\` → \`${r.resolved.notifications}\`; floor hash MD5 ${r.floorHash.MD5}, SHA-256 ${r.floorHash.SHA256}.`),
    endpoint ? `\n### Node endpoint under load (separate processes, server CPU per request)\n\n${markdownTable(ENDPOINT_HEADER, endpointRows())}` : '',
    sizes ? `\n### Bundle sizes (esbuild --bundle --minify, dependencies included; gzip -9)\n\n${markdownTable(SIZE_HEADER, sizeRows())}` : '',
    `\n${misses.length === 0 ? 'All targets met.' : `Targets missed:\n${misses.map((m) => `- ${m}`).join('\n')}`}`,
  ].join('\n');
  await mkdir(dirname(markdownFile), { recursive: true });
  await writeFile(markdownFile, `${md}\n`);
  console.log(`\nMarkdown report: ${markdownFile.replace(ROOT, '')}`);
}

await main();
