#!/usr/bin/env node
// npm run test:runtimes: build the package once, then run the same contract on Node, Deno, Bun,
// workerd and the Vercel Edge VM, run the examples, check the JSR entry points and CommonJS consumers.
// Prints N passed / N failed per runtime; exits 1 if any runtime fails or cannot start.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runExamples } from './examples.mjs';
import { runStoreStages } from './stores.mjs';
import { checkCommonJs } from './commonjs.mjs';
import { checkJsr } from './jsr.mjs';
import { RUN, TMP } from './paths.mjs';
import { startBuiltSandbox } from './sandbox.mjs';
import { printReport, readReport, totals } from './report.mjs';
import { writeSummary } from '../test-summary.mjs';
import { runtimes } from './runtimes.mjs';
import { runChild } from './spawn.mjs';
import { bundleAll, stagePackage } from './stage.mjs';

// A last resort so the suite always ends: every child has its own deadline well inside this.
setTimeout(() => {
  console.error('test:runtimes: still running after 10 minutes, giving up');
  process.exit(1);
}, 600_000).unref();

const only = process.argv.slice(2); // optional filter: runtime names (substring match)
const wanted = (name) => only.length === 0 || only.some((o) => name.includes(o));

const buildMs = await stagePackage();
const bundleMs = await bundleAll();
console.log(`built the package with tsup (${buildMs} ms) and bundled the hosts with esbuild (${bundleMs} ms)\n`);

const { checks, sandboxChecks } = await import(pathToFileURL(join(RUN, 'checks.mjs')).href);
const EVAL_CHECK = 'eval is blocked in this runtime (so the validators must not need it)';
const { startFakePlatform } = await import(pathToFileURL(join(TMP, 'fake-platform.mjs')).href);
const platform = await startFakePlatform();
let sandbox;
let allOk = true;
try {
  sandbox = await startBuiltSandbox();
} catch (error) {
  allOk = false;
  console.log(`FAIL  the built sandbox did not start: ${error.message}`);
}
console.log(sandbox ? `sandbox (built chinaums/sandbox/node) on ${sandbox.url}` : 'sandbox: not served; its check is not run');
console.log(`fake platform (independent node:crypto verifier) on ${platform.baseUrl}\n`);
const contractNames = [...checks, ...(sandbox ? sandboxChecks : [])].map((c) => c.name);
const urls = sandbox ? [platform.baseUrl, sandbox.url] : [platform.baseUrl];

try {
  for (const runtime of runtimes.filter((r) => wanted(r.name))) {
    const [command, args] = runtime.command();
    const run = await runChild(command, [...args, ...urls], runtime);
    const expected = runtime.evalBlocked ? [...contractNames, EVAL_CHECK] : contractNames;
    allOk = printReport(readReport(runtime.name, run, expected)) && allOk;
  }
  if (wanted('stores') || wanted('deno kv') || wanted('durable objects')) {
    const stage = (name) => wanted('stores') || wanted(name);
    for (const report of await runStoreStages(sandbox?.url, stage)) allOk = printReport(report) && allOk;
  }
  if (wanted('example')) {
    for (const example of await runExamples(platform.baseUrl)) {
      const report = example.run ? readReport(example.name, example.run, []) : example;
      if (report.results.length === 0 && report.problems.length === 0) report.problems.push('no checks ran');
      allOk = printReport(report) && allOk;
    }
  }
  if (wanted('jsr')) allOk = printReport(await checkJsr()) && allOk;
  if (wanted('commonjs')) allOk = printReport(await checkCommonJs()) && allOk;
} finally {
  await platform.close();
  await sandbox?.close();
}
console.log(allOk ? '\nall runtimes passed' : '\nSOME RUNTIMES FAILED');
await writeSummary('runtimes', totals);
process.exitCode = allOk ? 0 : 1;
