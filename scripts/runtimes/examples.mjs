// Runs the Deno, Cloudflare Worker and node:http examples against the fake platform and drives
// each like the platform would (see test/runtimes/example-probe.ts).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, PKG, ROOT, RUN, TMP } from './paths.mjs';
import { DENO_ENV, DENO_FLAGS } from './runtimes.mjs';
import { runChild, startServer } from './spawn.mjs';

const probeModule = join(TMP, 'example-probe.mjs');

/** Deno's import map for the staged package, derived from its exports map (as JSR/npm users get). */
async function denoImportMap() {
  const { exports } = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
  const imports = {};
  for (const [subpath, target] of Object.entries(exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (subpath.endsWith('.json') || typeof file !== 'string') continue;
    imports[`chinaums${subpath.slice(1)}`] = pathToFileURL(join(PKG, file)).href;
  }
  const path = join(TMP, 'deno-import-map.json');
  await writeFile(path, JSON.stringify({ imports }, null, 2));
  return path;
}

async function serveAndProbe(name, command, args, options) {
  const started = Date.now();
  const { probeExample } = await import(pathToFileURL(probeModule).href);
  let server;
  try {
    server = await startServer(command, args, { timeoutMs: 60_000, ...options });
    const results = await probeExample((path, init) => fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) }));
    return { name, results, problems: [], ms: Date.now() - started };
  } catch (error) {
    return { name, results: [], problems: [error.message], ms: Date.now() - started };
  } finally {
    await server?.stop();
  }
}

export async function runExamples(baseUrl) {
  const { exampleEnv } = await import(pathToFileURL(probeModule).href);
  const env = { ...exampleEnv(baseUrl), PORT: '0' };
  const reports = [];
  reports.push(await serveAndProbe('example node:http (node)', process.execPath, [join(RUN, 'example-node-http.mjs')], { env, cwd: PKG }));
  const importMap = await denoImportMap();
  // The Deno example keeps its token and dedupe marks in Deno KV: a fresh database file per run.
  const kvDir = join(TMP, 'example-deno-kv');
  await rm(kvDir, { recursive: true, force: true });
  await mkdir(kvDir, { recursive: true });
  const denoEnv = { ...env, DENO_KV_PATH: join(kvDir, 'state.sqlite3') };
  const envNames = Object.keys(denoEnv).join(',');
  reports.push(
    await serveAndProbe(
      'example Deno.serve (deno)',
      BIN('deno'),
      ['run', ...DENO_FLAGS, '--no-config', '--unstable-kv', `--allow-write=${kvDir}`, `--import-map=${importMap}`, `--allow-env=${envNames}`, join(ROOT, 'examples', 'deno', 'main.ts')],
      { env: { ...DENO_ENV, ...denoEnv }, cwd: PKG },
    ),
  );
  const started = Date.now();
  const worker = await runChild(
    process.execPath,
    [join(ROOT, 'scripts', 'runtimes', 'hosts', 'worker-example-host.mjs'), join(RUN, 'example-worker.mjs'), probeModule, baseUrl, JSON.stringify(exampleEnv(baseUrl))],
    { timeoutMs: 60_000, cwd: PKG },
  );
  reports.push({ name: 'example Cloudflare Worker (workerd)', run: worker, ms: Date.now() - started });
  return reports;
}
