// Which runtime is running this file, and its version (Node, Deno, Bun all load this module).
export function runtimeInfo() {
  if (typeof globalThis.Deno !== 'undefined') return { name: 'deno', version: globalThis.Deno.version.deno, v8: globalThis.Deno.version.v8 };
  if (typeof globalThis.Bun !== 'undefined') return { name: 'bun', version: globalThis.Bun.version, engine: 'JavaScriptCore' };
  return { name: 'node', version: process.versions.node, v8: process.versions.v8 };
}
