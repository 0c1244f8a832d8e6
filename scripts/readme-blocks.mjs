// Finds the ```ts blocks of the guides. Shared by the type-check (scripts/check-readme.mjs) and the
// run against the sandbox (test/docs/readme-examples.test.ts), so both see the same blocks.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** The two READMEs, the guides users run. */
export const readmeFiles = [join(root, 'README.md'), join(root, 'README.zh-CN.md')];

/** The READMEs and docs/*.md, everything the type-check covers. */
export function guideFiles() {
  const docsDir = join(root, 'docs');
  const docs = existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.md')).map((f) => join(docsDir, f)) : [];
  return [...readmeFiles, ...docs];
}

/** Where each `chinaums/*` import of a guide lives in src/. */
export const subpaths = {
  chinaums: 'src/index.ts',
  'chinaums/notifications': 'src/notifications/index.ts',
  'chinaums/validators': 'src/validators.ts',
  'chinaums/crypto': 'src/crypto/index.ts',
  'chinaums/redis': 'src/redis/index.ts',
  'chinaums/deno-kv': 'src/deno-kv/index.ts',
  'chinaums/cloudflare': 'src/cloudflare/index.ts',
  'chinaums/upstash': 'src/upstash/index.ts',
  'chinaums/sandbox': 'src/sandbox/index.ts',
  'chinaums/sandbox/node': 'src/sandbox/node.ts',
  'chinaums/node': 'src/index.node.ts',
};

/**
 * Every ```ts block of the files, in order: its source, and where its first line is (`file:line`,
 * relative to the repository root).
 * @param {readonly string[]} files
 * @returns {{ source: string; file: string; line: number; where: string }[]}
 */
export function extractTsBlocks(files) {
  const blocks = [];
  for (const path of files) {
    const file = relative(root, path);
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!/^```(ts|typescript)\s*$/.test(lines[i])) continue;
      const start = i + 1;
      let end = start;
      while (end < lines.length && !lines[end].startsWith('```')) end++;
      if (end >= lines.length) throw new Error(`${file}:${i + 1}: unclosed code block`);
      blocks.push({ source: lines.slice(start, end).join('\n'), file, line: start + 1, where: `${file}:${start + 1}` });
      i = end;
    }
  }
  return blocks;
}
