// Reads a host's `CONTRACT-REPORT {json}` line and checks it covers every expected check.
const PREFIX = 'CONTRACT-REPORT ';

/** A run that did not report, or reported fewer checks than expected, is a failure (no silent skips). */
export function readReport(name, run, expectedNames) {
  const line = run.stdout.split('\n').find((l) => l.startsWith(PREFIX));
  const problems = [];
  let results = [];
  if (!line) {
    problems.push(run.timedOut ? `timed out after ${run.ms} ms` : `no report (exit ${run.code})`);
  } else {
    results = JSON.parse(line.slice(PREFIX.length)).results;
    const got = new Set(results.map((r) => r.name));
    for (const missing of expectedNames.filter((n) => !got.has(n))) problems.push(`check did not run: ${missing}`);
  }
  if (run.code !== 0 && line) problems.push(`exit ${run.code}`);
  if (problems.length > 0 && run.stderr.trim()) problems.push(`stderr: ${run.stderr.trim().slice(-1500)}`);
  return { name, results, problems, ms: run.ms };
}

/** Checks counted over every report printed in this process, for the test command's summary line. */
export const totals = { passed: 0, failed: 0 };

export function printReport(report) {
  const passed = report.results.filter((r) => r.ok).length;
  const failed = report.results.length - passed;
  const ok = failed === 0 && report.problems.length === 0;
  totals.passed += passed;
  // A runtime that could not run counts as a failure even when it reported no checks.
  totals.failed += failed + (ok || failed > 0 ? 0 : 1);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${report.name}: ${passed} passed, ${failed} failed (${report.ms} ms)`);
  for (const r of report.results.filter((r) => !r.ok)) console.log(`      ✗ ${r.name}\n        ${r.error}`);
  for (const p of report.problems) console.log(`      ! ${p}`);
  return ok;
}
