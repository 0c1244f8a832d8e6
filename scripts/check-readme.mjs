#!/usr/bin/env node
// Type-checks every ```ts block of the README, the Chinese guide (README.zh-CN.md) and docs/*.md against the sources, so the guides
// cannot drift from the API. Each block is its own module; `chinaums/*` imports map to src/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractTsBlocks, guideFiles, root, subpaths } from './readme-blocks.mjs';

const outDir = join(root, '.tmp/readme-check');

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const blocks = [];
for (const block of extractTsBlocks(guideFiles())) {
  const name = `block-${String(blocks.length + 1).padStart(2, '0')}.ts`;
  // `export {}` keeps a block without imports a module, so blocks do not share globals.
  writeFileSync(join(outDir, name), `${block.source}\nexport {};\n`);
  blocks.push({ name, where: block.where });
}
// The API reference's TypeScript samples (generated from the spec's examples) are checked too.
const { codeSamples } = await import(new URL('../generated/code-samples.mjs', import.meta.url).href);
for (const [operationId, samples] of Object.entries(codeSamples)) {
  for (const sample of samples) {
    const name = `sample-${operationId}.ts`;
    writeFileSync(join(outDir, name), `${sample.source}\nexport {};\n`);
    blocks.push({ name, where: `generated/code-samples.mjs (${operationId})` });
  }
}
if (blocks.length === 0) {
  console.error('No ```ts blocks found in the README: nothing to check is a failure.');
  process.exit(1);
}

// Minimal runtime globals the guide uses (Deno, Workers), declared only for the check.
writeFileSync(
  join(outDir, 'globals.d.ts'),
  `declare namespace Deno {
  function serve(options: { port?: number; hostname?: string }, handler: (request: Request) => Response | Promise<Response>): { readonly finished: Promise<void>; readonly addr: { readonly hostname: string; readonly port: number }; shutdown(): Promise<void> };
  function serve(handler: (request: Request) => Response | Promise<Response>): { readonly finished: Promise<void>; readonly addr: { readonly hostname: string; readonly port: number }; shutdown(): Promise<void> };
  const env: { get(name: string): string | undefined };
  function openKv(path?: string): Promise<import('chinaums/deno-kv').DenoKvLike>;
}
`,
);
const paths = Object.fromEntries(
  Object.entries(subpaths)
    .filter(([, target]) => existsSync(join(root, target)))
    .map(([name, target]) => [name, [relative(outDir, join(root, target))]]),
);
writeFileSync(
  join(outDir, 'tsconfig.json'),
  JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
        typeRoots: [join(root, 'node_modules/@types')],
        paths,
      },
      include: ['*.ts'],
    },
    null,
    2,
  ),
);

try {
  execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(outDir, 'tsconfig.json')], { stdio: 'pipe', timeout: 120_000 });
} catch (error) {
  const output = String(error.stdout ?? '') + String(error.stderr ?? '');
  // Point at README lines, not temp files.
  const mapped = output.replace(/(?:[^\s(]*\/)?block-(\d+)\.ts\((\d+),(\d+)\)/g, (_, n, line, col) => {
    const block = blocks[Number(n) - 1];
    const [file, first] = block.where.split(':');
    return `${file}:${Number(first) + Number(line) - 1}:${col}`;
  });
  console.error(`The README's TypeScript examples do not type-check:\n${mapped}`);
  process.exit(1);
}
console.log(`README examples type-check: ${blocks.length} blocks.`);
