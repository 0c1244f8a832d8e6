// Runs the contract inside Vercel's Edge VM (edge-runtime) and prints its report:
//   node edge-host.mjs <edge.js> <fake platform URL> [sandbox URL]
import { readFile } from 'node:fs/promises';
import { EdgeRuntime } from 'edge-runtime';

const [scriptPath, ...urls] = process.argv.slice(2);
const runtime = new EdgeRuntime({ initialCode: await readFile(scriptPath, 'utf8') });
// The bundle defined __runContract in the VM; the report crosses the boundary as a JSON string.
const report = await runtime.evaluate(`__runContract(${urls.map((u) => JSON.stringify(u)).join(', ')})`);
console.log(`CONTRACT-REPORT ${report}`);
