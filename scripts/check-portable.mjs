#!/usr/bin/env node
// Keeps Node-only APIs out of the portable sources (design.md: "portable first"). The default
// entries run on Workers, Deno, Bun and Vercel Edge; only files named for Node may use Node.
//   node scripts/check-portable.mjs [root]      (scans <root>/src; exit 1 and file:line on a hit)
// Uses the TypeScript parser rather than a regex, so comments, strings and property names such as
// `options.process` never count, and `import type` from node:* (erased at build time) is allowed.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;

/** Files named for Node, and folders that only run under Node. */
function isNodeOnly(path) {
  const parts = relative(root, path).split(sep);
  const name = parts[parts.length - 1];
  return name === 'node.ts' || name.endsWith('.node.ts') || ['cli', 'demo'].includes(parts[1]);
}

const HINTS = {
  'node:': 'a Node built-in module: use the web standard (fetch, Web Crypto, TextEncoder, URL) or move this into a file named node.ts',
  Buffer: 'Buffer is Node-only: use Uint8Array with TextEncoder/TextDecoder (src/crypto/encoding.ts)',
  process: 'process is Node-only: take the value as an option instead of reading the environment',
  require: 'require() does not exist in ESM on Deno, Workers or Edge: use import',
  __dirname: '__dirname is CommonJS-only: use import.meta.url (in a Node-named file)',
  __filename: '__filename is CommonJS-only: use import.meta.url (in a Node-named file)',
  eval: 'eval is blocked on Workers and Vercel Edge: precompile instead (see generated/validators)',
  Function: 'new Function is blocked on Workers and Vercel Edge (code generation from strings)',
};

/** An identifier that refers to a global, not a property or declaration name. */
function isReference(node) {
  const parent = node.parent;
  if (!parent) return true;
  if ((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) && (parent.name ?? parent.right) === node) return false;
  if ('name' in parent && parent.name === node && !ts.isCallExpression(parent)) {
    return !(ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) ||
      ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) ||
      ts.isEnumMember(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isBindingElement(parent));
  }
  return true;
}

function check(path, text) {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const hits = [];
  const hit = (node, what, hint) => {
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    hits.push(`${relative(root, path)}:${line + 1}:${character + 1}  ${what}: ${hint}`);
  };
  const moduleName = (node) => (node && ts.isStringLiteralLike(node) ? node.text : undefined);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && moduleName(node.moduleSpecifier)?.startsWith('node:')) {
      hit(node, `import '${moduleName(node.moduleSpecifier)}'`, HINTS['node:']);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && moduleName(node.moduleSpecifier)?.startsWith('node:')) {
      hit(node, `export from '${moduleName(node.moduleSpecifier)}'`, HINTS['node:']);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && moduleName(node.arguments[0])?.startsWith('node:')) {
      hit(node, `import('${moduleName(node.arguments[0])}')`, HINTS['node:']);
    } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
      hit(node, 'new Function', HINTS.Function);
    } else if (ts.isIdentifier(node) && node.text !== 'Function' && Object.hasOwn(HINTS, node.text) && isReference(node)) {
      hit(node, node.text, HINTS[node.text]);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return hits;
}

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(m|c)?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

let scanned = 0;
const hits = [];
for await (const path of sources(join(root, 'src'))) {
  if (isNodeOnly(path)) continue;
  scanned++;
  hits.push(...check(path, await readFile(path, 'utf8')));
}
if (hits.length > 0) {
  console.error(`check-portable: ${hits.length} Node-only use(s) in portable sources (only node.ts, *.node.ts, src/cli/ and src/demo/ may use Node):`);
  for (const line of hits) console.error(`  ${line}`);
  process.exitCode = 1;
} else {
  console.log(`check-portable: ${scanned} portable source files, no Node-only APIs`);
}
