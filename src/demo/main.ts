// `npm start`: the SDK end to end with no credentials and no network, against the local sandbox;
// or, with CHINAUMS_APP_ID / CHINAUMS_APP_KEY (and CHINAUMS_ENV=test), the real test environment.
// Exit 0 when every step passed; 1 with the failing step's name otherwise; a global timeout so
// it can never hang.
import { ChinaUmsError } from '../index.js';
import { runRealFlow } from './real-flow.js';
import { Report } from './report.js';
import { runSandboxFlow } from './sandbox-flow.js';

const GLOBAL_TIMEOUT_MS = 60_000;
const CLOSE_TIMEOUT_MS = 5_000;

const report = new Report((line) => process.stdout.write(`${line}\n`));
const closers: (() => Promise<void>)[] = [];

function fail(message: string): void {
  process.stderr.write(`\nDEMO FAILED${report.currentStep ? ` at step ${report.currentStep}` : ''}: ${message}\n`);
  process.exitCode = 1;
}

async function closeAll(): Promise<void> {
  const closing = Promise.allSettled(closers.reverse().map((close) => close()));
  await Promise.race([closing, new Promise((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref())]);
}

async function main(): Promise<void> {
  const appId = process.env['CHINAUMS_APP_ID'];
  const appKey = process.env['CHINAUMS_APP_KEY'];
  if (appId && appKey) {
    const environment = process.env['CHINAUMS_ENV'] ?? 'test';
    if (environment !== 'test') throw new Error(`the demo talks only to the test environment; CHINAUMS_ENV is ${environment}`);
    report.title('chinaums demo — ChinaUMS test environment (credentials from the environment)');
    await runRealFlow(report, { appId, appKey });
  } else {
    report.title('chinaums demo — local sandbox on 127.0.0.1 (no credentials, no network)');
    await runSandboxFlow(report, { add: (close) => void closers.push(close) });
  }
  report.title('');
  report.title(`All ${report.steps} steps passed.`);
}

const watchdog = setTimeout(() => {
  fail(`timed out after ${GLOBAL_TIMEOUT_MS / 1000} s`);
  process.exit(1);
}, GLOBAL_TIMEOUT_MS);
watchdog.unref();

try {
  await main();
} catch (error) {
  if (error instanceof ChinaUmsError) fail(`${error.name} ${error.code}: ${error.message}`);
  else fail(error instanceof Error ? error.message : String(error));
} finally {
  await closeAll();
  clearTimeout(watchdog);
}
