// The five seed pages, as copied into the repo (the originals live in ../shared/seeds).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURES = join(ROOT, 'test/fixtures/pages');
/** CI clones the repo with shared/ beside it. */
export const SHARED_SEEDS = resolve(ROOT, '../shared/seeds');

export const PAGE_FILES = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();

/** The fixture whose name starts with `prefix` (000..004). */
export function pageFile(prefix: string): string {
  const name = PAGE_FILES.find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no fixture page ${prefix}*`);
  return join(FIXTURES, name);
}

export function pageText(prefix: string): string {
  return readFileSync(pageFile(prefix), 'utf8');
}
