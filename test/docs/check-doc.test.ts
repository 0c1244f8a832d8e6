// Runs `node scripts/check-doc.mjs` as a maintainer would, on the seed pages and on mutated
// copies of them, and checks the exit code and exactly which drift it reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PAGE_FILES, FIXTURES, ROOT, SHARED_SEEDS, pageFile, pageText } from './pages.js';

interface Drift { kind: string; message: string }
interface FieldRow { section: string; path: string; drift: Drift[] }
interface PageResult { file: string; status: string; fields: FieldRow[]; extras: { section: string; path: string }[]; problems: string[]; error: { line: number; text: string; reason: string } | null }
interface Report { pages: PageResult[]; exitCode: number }

// Each test spawns the checker once or twice (2–15 s each on a loaded two-core machine): the
// default 20 s was missed under load, so the bound is for a hung checker, not a slow one.
const SPAWN_TEST_TIMEOUT_MS = 180_000;

const work = mkdtempSync(join(tmpdir(), 'chinaums-check-doc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['scripts/check-doc.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function runJson(files: string[]): Report {
  const r = run(['--json', ...files]);
  const report = JSON.parse(r.stdout) as Report;
  expect(report.exitCode).toBe(r.code);
  return report;
}

/** `section.path kind` of every drifting field, for exact comparison. */
function driftOf(report: Report): string[] {
  return report.pages.flatMap((p) => [
    ...p.problems.map((m) => `page ${m}`),
    ...p.fields.flatMap((f) => f.drift.map((d) => `${f.section}.${f.path} ${d.kind}`)),
  ]);
}

/** Writes a copy of seed page `prefix` with `edit` applied; fails if the edit changed nothing. */
function mutate(prefix: string, name: string, edit: (text: string) => string): string {
  const original = pageText(prefix);
  const changed = edit(original);
  expect(changed, `mutation ${name} must change the page`).not.toBe(original);
  const file = join(work, `${prefix}-${name}.txt`);
  writeFileSync(file, changed);
  return file;
}

/** Replaces one whole line (matched exactly) by `lines`. */
function replaceLine(text: string, line: string, lines: string[]): string {
  const all = text.split('\n');
  const at = all.indexOf(line);
  if (at < 0) throw new Error(`line not found: ${line}`);
  all.splice(at, 1, ...lines);
  return all.join('\n');
}

describe('seed page fixtures', { timeout: SPAWN_TEST_TIMEOUT_MS }, () => {
  it('are the five seed pages', () => {
    expect(PAGE_FILES).toHaveLength(5);
  });

  it.skipIf(!existsSync(SHARED_SEEDS))('match ../shared/seeds byte for byte', () => {
    for (const f of PAGE_FILES) expect(readFileSync(join(FIXTURES, f)), f).toEqual(readFileSync(join(SHARED_SEEDS, f)));
  });
});

describe('check-doc on the seed pages', { timeout: SPAWN_TEST_TIMEOUT_MS }, () => {
  it.each(PAGE_FILES)('%s: the spec covers the page (exit 0)', (file) => {
    const r = run([join(FIXTURES, file)]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/no drift/);
    expect(r.code, r.stdout).toBe(0);
  });

  it('checks all pages in one run, with a one-line summary at the end', () => {
    const r = run(PAGE_FILES.map((f) => join(FIXTURES, f)));
    expect(r.code, r.stdout).toBe(0);
    const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    expect(last).toMatch(/^check-doc: 5 pages, \d+ fields; no drift; \d+ spec-only fields \(informational\)$/);
  });

  it('reports spec-only fields as information, not drift', () => {
    const report = runJson([pageFile('003')]);
    expect(report.exitCode).toBe(0);
    const extras = report.pages[0]?.extras.map((e) => e.path) ?? [];
    expect(extras).toEqual(expect.arrayContaining(['notifyId', 'goods']));
  });

  it('maps the notification page to the paymentNotification webhook', () => {
    const r = run([pageFile('003')]);
    expect(r.stdout).toContain('spec webhook paymentNotification');
  });
});

describe('check-doc on changed pages', { timeout: SPAWN_TEST_TIMEOUT_MS }, () => {
  it('reports an added field (space table)', () => {
    const file = mutate('001', 'added', (t) => replaceLine(t, 'errMsg string 错误说明', ['errMsg string 错误说明', 'riskLevel string 8 风险等级 LOW']));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual(['response.riskLevel missing']);
    expect(report.exitCode).toBe(1);
  });

  it('reports an added nested field', () => {
    const file = mutate('000', 'added-nested', (t) => t.replace('\u00a0\u00a0\u00a0flowId string - 优惠流水ID', '\u00a0\u00a0\u00a0flowId string - 优惠流水ID\n\u00a0\u00a0\u00a0flowType string - 流水类型'));
    expect(driftOf(runJson([file]))).toEqual(['response.eventList[].flowType missing']);
  });

  it('reports an added field (pipe table)', () => {
    const file = mutate('003', 'added', (t) => t.replace('sign | string | 是 | - | 签名 | |', 'sign | string | 是 | - | 签名 | |\nriskLevel | string | 否 | 8 | 风险等级 | |'));
    expect(driftOf(runJson([file]))).toEqual(['response.riskLevel missing']);
  });

  it('reports a removed field the spec requires', () => {
    const file = mutate('001', 'removed', (t) => replaceLine(t, 'merOrderId string 6..32 商户订单号 327M202204141724489725391331', []));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual(['request.merOrderId removed']);
    expect(report.exitCode).toBe(1);
  });

  it('lists a removed optional field as spec-only information (exit 0)', () => {
    const file = mutate('001', 'removed-optional', (t) => replaceLine(t, 'srcReserve string <=255 请求系统预留字段 webpay', []));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual([]);
    expect(report.pages[0]?.extras).toContainEqual(expect.objectContaining({ section: 'request', path: 'srcReserve' }));
    expect(report.exitCode).toBe(0);
  });

  it('reports a retyped field', () => {
    const file = mutate('001', 'retyped', (t) => replaceLine(t, 'totalAmount number 支付总金额 100', ['totalAmount string 支付总金额 100']));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual(['response.totalAmount type']);
    expect(report.pages[0]?.fields.find((f) => f.path === 'totalAmount')?.drift[0]?.message).toBe('page string, spec integer');
    expect(report.exitCode).toBe(1);
  });

  it('reports a retyped field of the pipe table', () => {
    const file = mutate('003', 'retyped', (t) => t.replace('totalAmount | number |', 'totalAmount | boolean |'));
    expect(driftOf(runJson([file]))).toEqual(['response.totalAmount type']);
  });

  it('reports a lengthened request field', () => {
    const file = mutate('001', 'lengthened', (t) => replaceLine(t, 'mid string 15 商户号 898201612345678', ['mid string 20 商户号 898201612345678']));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual(['request.mid length']);
    expect(report.pages[0]?.fields.find((f) => f.section === 'request' && f.path === 'mid')?.drift[0]?.message).toBe('page <=20, spec <=15');
    expect(report.exitCode).toBe(1);
  });

  it('reports a received field lengthened beyond the spec', () => {
    const file = mutate('002', 'lengthened', (t) => replaceLine(t, 'errCode string 64 错误代码', ['errCode string 128 错误代码']));
    expect(driftOf(runJson([file]))).toEqual(['response.errCode length']);
  });

  it('reports a new enumeration value', () => {
    const file = mutate('002', 'enum', (t) => replaceLine(t, 'CREDIT_CARD(贷记卡)', ['CREDIT_CARD(贷记卡);', 'PREPAID_CARD(预付卡)']));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual(['response.cardAttr enum']);
    expect(report.pages[0]?.fields.find((f) => f.path === 'cardAttr')?.drift[0]?.message).toMatch(/^new value PREPAID_CARD/);
  });

  it('reports a page whose endpoint the spec lacks', () => {
    const file = mutate('001', 'moved', (t) => t.replaceAll('/v1/netpay/query', '/v2/netpay/query'));
    const report = runJson([file]);
    expect(driftOf(report)).toEqual(['page spec has no operation for POST /v2/netpay/query']);
    expect(report.exitCode).toBe(1);
  });

  it('prints the drift in the aligned text report', () => {
    const file = mutate('001', 'text', (t) => replaceLine(t, 'tid string 8 终端号 88880001', ['tid string 12 终端号 88880001']));
    const r = run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/!\s+request\s+tid\s+141\s+string\s+12\s+string\s+<=8\s+LENGTH: page <=12, spec <=8/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('check-doc: 1 page, 46 fields; DRIFT in 1 page (1 length); 1 spec-only fields (informational)');
  });
});

describe('check-doc on pages it cannot parse', { timeout: SPAWN_TEST_TIMEOUT_MS }, () => {
  it('exits 2 naming the line and its text', () => {
    const file = mutate('001', 'garbled', (t) => replaceLine(t, 'mid string 15 商户号 898201612345678', ['mid strnig 15 商户号 898201612345678']));
    const lineNo = readFileSync(file, 'utf8').split('\n').indexOf('mid strnig 15 商户号 898201612345678') + 1;
    const r = run([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`UNPARSEABLE at line ${lineNo}: unknown type "strnig" for field "mid"`);
    expect(r.stdout).toContain(`${lineNo} | mid strnig 15 商户号 898201612345678`);
    const report = runJson([file]);
    expect(report.pages[0]?.error).toEqual({ line: lineNo, text: 'mid strnig 15 商户号 898201612345678', reason: 'unknown type "strnig" for field "mid"' });
  });

  it('exits 2 for a text file that is not an API page, even next to good pages', () => {
    const file = join(work, 'notes.txt');
    writeFileSync(file, '会议记录\n今天讨论了退款接口\n');
    const r = run([pageFile('000'), file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`${basename(file)}`);
    expect(r.stdout).toMatch(/UNPARSEABLE at line 1: no "URL" heading/);
  });

  it('exits 3 with usage when no page is given', () => {
    const r = run([]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('usage: npm run spec:check-doc');
  });
});
