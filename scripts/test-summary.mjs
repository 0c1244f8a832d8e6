#!/usr/bin/env node
// The test command's closing line: every vitest test and every runtime contract check, counted.
// Suites write their counts to .tmp/summary/<name>.json; running this script prints the total.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../.tmp/summary/', import.meta.url));

/** @param {string} name @param {{ passed: number, failed: number, skipped?: number }} counts */
export async function writeSummary(name, counts) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(counts));
}

/** vitest's JSON report; a run that crashed before writing it counts as one failure, not zero. */
function vitestCounts() {
  const file = join(dir, '..', 'vitest-report.json');
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0, missing: true };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests, failures: failedTests(report) };
}

/** The failed tests by file and name, with the first line of each message: CI shows only the tail of the output. */
function failedTests(report) {
  const failures = [];
  for (const file of report.testResults ?? []) {
    const path = String(file.name ?? '').replace(/^.*?\/test\//, 'test/');
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    // A file that failed to load has no failed test to name, only its own message.
    if (failed.length === 0 && file.status === 'failed') failures.push(`${path}: ${firstLine(file.message)}`);
    for (const t of failed) failures.push(`${path} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
  return failures;
}

function firstLine(text) {
  return String(text ?? '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 300) ?? '';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const parts = { vitest: vitestCounts() };
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
  for (const file of files) parts[file.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const sum = (key) => Object.values(parts).reduce((n, p) => n + (p[key] ?? 0), 0);
  console.log(`\n${Object.entries(parts).map(([name, p]) => (p.missing ? `${name}: no report` : `${name} ${p.passed}/${p.passed + p.failed}`)).join(', ')}`);
  const failures = parts.vitest.failures ?? [];
  if (failures.length > 0) console.log(`\nfailed tests:\n${failures.slice(0, 20).map((f) => `  ${f}`).join('\n')}`);
  console.log(`total: ${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`);
  process.exitCode = sum('failed') > 0 ? 1 : 0;
}
