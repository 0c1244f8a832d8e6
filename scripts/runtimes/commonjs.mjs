// CommonJS users, checked rather than assumed: `require('chinaums')` (every subpath) on each pinned
// Node (require(esm) is on by default from Node 22.12), and a TypeScript CommonJS project: with
// `module: nodenext` it compiles, with `node16` it stops with TS1479 (what the README states).
import { mkdtemp, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, PKG, ROOT } from './paths.mjs';
import { PINNED_NODES } from './runtimes.mjs';
import { runChild } from './spawn.mjs';

const subpaths = () =>
  Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).exports)
    .filter((s) => s !== './package.json')
    .map((s) => (s === '.' ? 'chinaums' : `chinaums/${s.slice(2)}`));

const REQUIRE_ALL = (names) => `'use strict';
const names = ${JSON.stringify(names)};
const empty = names.filter((name) => Object.keys(require(name)).length === 0);
if (empty.length > 0) throw new Error('required but empty: ' + empty.join(', '));
if (typeof require('chinaums').createChinaUmsClient !== 'function') throw new Error('no createChinaUmsClient');
console.log('required ' + names.length + ' subpaths on ' + process.version);
`;

const TS_FILE = `import { createChinaUmsClient, type OperationRequest } from 'chinaums';
import { verifyNotification } from 'chinaums/notifications';
const body: OperationRequest<'netpayQuery'> = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
export const use = [createChinaUmsClient, verifyNotification, body];
`;

async function tsc(dir, module) {
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module, moduleResolution: module, target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['index.ts'] }));
  return runChild(BIN('tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: dir, timeoutMs: 120_000 });
}

export async function checkCommonJs() {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'chinaums-cjs-'));
  const results = [];
  try {
    await mkdir(join(dir, 'node_modules'));
    await symlink(PKG, join(dir, 'node_modules', 'chinaums'), 'dir');
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'cjs-consumer', private: true, type: 'commonjs' }));
    await writeFile(join(dir, 'require-all.cjs'), REQUIRE_ALL(subpaths()));
    for (const node of PINNED_NODES) {
      const run = await runChild(node.bin, ['require-all.cjs'], { cwd: dir, timeoutMs: 60_000 });
      const warned = /ExperimentalWarning/.test(run.stderr);
      const ok = run.code === 0 && !warned;
      results.push({ name: `require('chinaums') and every subpath from CommonJS on Node ${node.version}, no warning`, ok, ms: run.ms, ...(ok ? {} : { error: `${run.stdout}${run.stderr}`.trim().slice(-1500) }) });
    }
    await writeFile(join(dir, 'index.ts'), TS_FILE);
    const nodenext = await tsc(dir, 'nodenext');
    results.push({ name: 'TypeScript CommonJS project with module: nodenext compiles', ok: nodenext.code === 0, ms: nodenext.ms, ...(nodenext.code === 0 ? {} : { error: nodenext.stdout.slice(-1500) }) });
    const node16 = await tsc(dir, 'node16');
    const ts1479 = node16.code !== 0 && /TS1479/.test(node16.stdout);
    results.push({ name: 'with module: node16 it stops with TS1479 (as the README says)', ok: ts1479, ms: node16.ms, ...(ts1479 ? {} : { error: `exit ${node16.code}: ${node16.stdout.slice(-1500)}` }) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { name: 'commonjs consumers', results, problems: [], ms: Date.now() - started };
}
