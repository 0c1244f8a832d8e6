// Importing the SDK must not touch the global Request/fetch: on Node 20 the first access loads
// undici, ~25 ms of cold start (bench case 3 would go from ~2× to ~5× openapi-fetch alone). Nor may
// the Node entries load node:crypto before the first hash (about as much again on Node 20).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildEntry, runNode, type BuiltEntry } from '../cli/build-entry.js';

let probe: BuiltEntry;
beforeAll(async () => {
  probe = await buildEntry('test/bench-smoke/import-probe.ts', 'import-probe');
}, 60_000);
afterAll(() => probe?.remove());

it('evaluating chinaums and chinaums/notifications (portable and Node entries) loads neither undici nor node:crypto', async () => {
  const result = await runNode(probe.file, []);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout.trim()) as { exports: number; undici: boolean; nodeCrypto: boolean };
  expect(report.exports).toBeGreaterThan(10);
  expect(report.undici).toBe(false);
  expect(report.nodeCrypto).toBe(false);
}, 30_000);
