// The cold-start pass of the library build (tsup.config.ts). esbuild's code splitting makes one
// chunk per distinct set of entries that reach a module, so with 13 entries `import('chinaums')`
// loaded 8 files; on Node 20 every extra ESM file costs ~0.1× of importing openapi-fetch alone
// (resolve, open, read, compile), more than the code in it. This pass re-chunks esbuild's output
// with rollup, grouping modules by the *main* entries (package.json "." and "./notifications",
// every condition) that load them, and folds a group into a main entry file when exactly the
// same main entries load both. No module is duplicated (class identity across entries holds), a
// main entry never loads code it did not load before, and the other entries (sandbox, redis, …)
// import the merged files. BENCHMARKS.md, "Cold start", has the numbers.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { rollup, type GetModuleInfo, type Plugin as RollupPlugin } from 'rollup';
import type { Plugin as EsbuildPlugin } from 'esbuild';
import { escapeNonAscii } from './ascii-source.js';

const MAP_COMMENT = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

/** Reads esbuild's output files with their source maps, so rollup's maps still point at src/. */
function readBuiltFiles(loaded: Set<string>): RollupPlugin {
  return {
    name: 'chinaums-built-files',
    resolveId(source, importer) {
      if (importer === undefined) return source;
      return source.startsWith('.') ? resolve(dirname(importer), source) : { id: source, external: true };
    },
    async load(id) {
      loaded.add(id);
      const code = await readFile(id, 'utf8');
      const map = await readFile(`${id}.map`, 'utf8').catch(() => null);
      return { code: code.replace(MAP_COMMENT, '\n'), map };
    },
  };
}

/** For every module, the set of main entries (by name) whose import closure contains it. */
function loadersOf(getModuleInfo: GetModuleInfo, mainEntries: Map<string, string>): Map<string, string> {
  const loaders = new Map<string, Set<string>>();
  for (const [name, id] of mainEntries) {
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      let set = loaders.get(next);
      if (set === undefined) loaders.set(next, (set = new Set()));
      set.add(name);
      for (const imported of getModuleInfo(next)?.importedIds ?? []) if (getModuleInfo(imported)?.isExternal === false) stack.push(imported);
    }
  }
  return new Map([...loaders].map(([id, set]) => [id, [...set].sort().join('+')]));
}

/**
 * Which output file each module goes to. A module loaded by exactly the main entries that load
 * entry file E joins E, unless something outside E imports it: E must export its public names
 * only (else rollup adds a facade file), so such a module joins the file of exactly the main
 * entries that load it (not the file every main entry loads: the client's code, which the CLI,
 * sandbox and store entries also import, would then load with `chinaums/notifications`, 2.25× →
 * 1.6× openapi-fetch alone on Node 22). Everything else loaded by main entries is grouped the same way.
 */
function assignGroups(getModuleInfo: GetModuleInfo, mainEntries: Map<string, string>): Map<string, string> {
  const loaders = loadersOf(getModuleInfo, mainEntries);
  const groups = new Map([...loaders].map(([id, set]) => [id, `shared-${set}`]));
  for (const [name, entryId] of mainEntries) {
    const set = loaders.get(entryId)!;
    const members = new Set([...loaders].filter(([id, s]) => s === set && id !== entryId).map(([id]) => id));
    for (let changed = true; changed; ) {
      changed = false;
      for (const id of members) {
        const importers = getModuleInfo(id)?.importers ?? [];
        if (importers.every((by) => by === entryId || members.has(by))) continue;
        members.delete(id);
        groups.set(id, `shared-${loaders.get(id)}`);
        changed = true;
      }
    }
    groups.set(entryId, name);
    for (const id of members) groups.set(id, name);
  }
  return groups;
}

/**
 * Re-chunks the JavaScript esbuild wrote to `outDir` for `entries` (name → built file name without
 * `.js`), in place, source maps included. `mainEntries` are the names whose cold start counts.
 */
export async function mergeChunks(outDir: string, entries: readonly string[], mainEntries: readonly string[]): Promise<void> {
  const input = Object.fromEntries(entries.map((name) => [name, resolve(outDir, `${name}.js`)]));
  const main = new Map(mainEntries.map((name) => [name, input[name]!]));
  let groups: Map<string, string> | undefined;
  const loaded = new Set<string>();
  const bundle = await rollup({
    input,
    plugins: [readBuiltFiles(loaded)],
    // esbuild already tree-shook; rollup only moves code between files.
    treeshake: false,
    preserveEntrySignatures: 'strict',
    onLog(level, log, handler) {
      if (log.code !== 'CIRCULAR_DEPENDENCY') handler(level, log);
    },
  });
  const { output } = await bundle.generate({
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunk-[hash].js',
    // An entry lists only the files it needs, not their imports too (no extra resolution work).
    hoistTransitiveImports: false,
    manualChunks(id, { getModuleInfo }) {
      groups ??= assignGroups(getModuleInfo, main);
      // Reached by no main entry: rollup's default chunking (by the entries that load it).
      return groups.get(id);
    },
  });
  await bundle.close();
  // Remove esbuild's files only once rollup has them all; then write rollup's.
  await Promise.all([...loaded].map((id) => Promise.all([rm(id, { force: true }), rm(`${id}.map`, { force: true })])));
  await Promise.all(
    output.map((file) => {
      const path = join(outDir, file.fileName);
      if (file.type === 'asset') return writeFile(path, file.source);
      const ascii = escapeNonAscii(file.code, file.fileName);
      const code = file.map ? `${ascii}\n//# sourceMappingURL=${basename(file.fileName)}.map\n` : ascii;
      return Promise.all([writeFile(path, code), file.map ? writeFile(`${path}.map`, file.map.toString()) : undefined]);
    }),
  );
}

/**
 * esbuild plugin: `import … from './index.js'` in `src/index.node.ts` stays an import of the built
 * portable entry instead of being bundled again, so on Node `chinaums` loads dist/index.node.js
 * plus dist/index.js (one file holding the client), not a third file shared by the two.
 */
export function portableEntryImport(): EsbuildPlugin {
  return {
    name: 'chinaums-portable-entry-import',
    setup(build) {
      build.onResolve({ filter: /^\.\/index\.js$/ }, (args) => {
        const importer = args.importer.replaceAll('\\', '/');
        return importer.endsWith('/src/index.node.ts') ? { path: './index.js', external: true } : undefined;
      });
    },
  };
}

/**
 * esbuild plugin: the notification side bundles its own copy of src/crypto/node.ts (2 KB; its only
 * state is the lazily loaded node:crypto), so `chinaums` and `chinaums/notifications` on Node do
 * not each load a third file holding just that module. A suffix makes esbuild see a second module.
 */
export function nodeCryptoPerEntry(): EsbuildPlugin {
  return {
    name: 'chinaums-node-crypto-per-entry',
    setup(build) {
      build.onResolve({ filter: /\/crypto\/node\.js$/ }, (args) => {
        if (!args.importer.replaceAll('\\', '/').includes('/src/notifications/')) return undefined;
        return { path: resolve(dirname(args.importer), args.path).replace(/\.js$/, '.ts'), suffix: '?notifications' };
      });
    },
  };
}
