// Entry for runtimes with a command line (Node, Deno, Bun): `<runtime> contract.mjs <name> <baseUrl> [sandboxUrl]`.
import { sdk } from '../built-sdk.mjs';
import { REPORT_PREFIX, runContract } from '../run-checks.js';

declare const Deno: { readonly args: string[] } | undefined;
declare const process: { readonly argv: string[]; exitCode?: number };

const args = typeof Deno !== 'undefined' ? Deno.args : process.argv.slice(2);
const [runtime = 'unknown', baseUrl = '', sandboxUrl] = args;
const report = await runContract(runtime, { sdk, baseUrl, sandboxUrl });
console.log(REPORT_PREFIX + JSON.stringify(report));
