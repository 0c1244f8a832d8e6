#!/usr/bin/env node
// What the default in-memory dedupe store costs when full: fills a MemoryNotificationStore with
// DEFAULT_MEMORY_STORE_MAX_ENTRIES handled notifications, each key made as a delivery makes it
// (a vendor-shaped form body with its own notifyId, parsed, then defaultDedupeKey; then a retry
// of it), and reports the heap the store holds per entry: keys included, and anything a key
// keeps alive. Memory, not time, so the busy machine does not distort it.
//   node bench/dedupe-memory.mjs [entries]
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, TMP } from './lib/stage.mjs';

if (typeof globalThis.gc !== 'function') {
  // Exact heap figures need a full collection before each reading.
  const child = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

const { build } = await import('esbuild');
mkdirSync(TMP, { recursive: true });
const outfile = join(TMP, 'dedupe-memory-store.mjs');
const entry = `
export * from './src/notifications/store.ts';
export { defaultDedupeKey } from './src/notifications/dedupe-key.ts';
export { parseFormText } from './src/notifications/parse.ts';
export { VENDOR_FIELDS } from './test/helpers/notification-fixtures.ts';`;
await build({ stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', outfile, logLevel: 'warning' });
const { MemoryNotificationStore, DEFAULT_MEMORY_STORE_MAX_ENTRIES, DEFAULT_DEDUPE_TTL_MS, defaultDedupeKey, parseFormText, VENDOR_FIELDS } = await import(outfile);

const entries = Number(process.argv[2] ?? DEFAULT_MEMORY_STORE_MAX_ENTRIES);
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

const before = heap();
const store = new MemoryNotificationStore({ maxEntries: entries, onEarlyEviction: () => undefined });
for (let i = 0; i < entries; i++) {
  const body = new URLSearchParams({ ...VENDOR_FIELDS, notifyId: randomUUID(), sign: 'A'.repeat(64) }).toString();
  const parsed = parseFormText(body);
  if (!parsed.ok) throw new Error('the body did not parse');
  const id = defaultDedupeKey(parsed.parsed.fields.values);
  await store.claim(id, 120_000, 'owner');
  await store.complete(id, DEFAULT_DEDUPE_TTL_MS);
  // The platform's retry: another body, the same notifyId (the store moves the id to the back).
  const retry = parseFormText(body.replace('ns=cyuT', 'ns=retry'));
  if (!retry.ok || (await store.claim(defaultDedupeKey(retry.parsed.fields.values), 120_000, 'owner')) !== 'duplicate') throw new Error('the retry was not a duplicate');
}
const after = heap();
if (store.size !== entries) throw new Error(`store holds ${store.size}, expected ${entries}`);

const perEntry = (after - before) / entries;
console.log(`MemoryNotificationStore, ${entries} handled notifications (keys \`notifyId:<uuid>\` from parsed vendor-shaped bodies):`);
console.log(`  ${perEntry.toFixed(0)} bytes/entry (key string, Map slot, entry), ${((after - before) / 1024 / 1024).toFixed(1)} MiB in all`);
