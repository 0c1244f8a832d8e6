import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSpecSync, repoRoot } from '../../scripts/codegen/bundle.mjs';
import { describeOperations, renderOperations } from '../../scripts/codegen/operations.mjs';
import { renderTypes } from '../../scripts/codegen/types.mjs';
import { operations } from '../../generated/operations.js';

const workDir = mkdtempSync(join(tmpdir(), 'chinaums-codegen-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** A copy of the spec with one more operation, the way a maintainer would add `/v1/netpay/close`. */
function specWithCloseOperation(): string {
  const dir = join(workDir, 'spec');
  cpSync(join(repoRoot, 'spec'), dir, { recursive: true });
  const query = readFileSync(join(dir, 'paths/netpayQuery.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'paths/netpayClose.yaml'),
    query
      .replace('operationId: netpayQuery', 'operationId: netpayClose')
      .replace(/summary: .*/, 'summary: 订单关闭 — Close an order')
      .replace('x-retry-safe: true', 'x-retry-safe: false'),
  );
  const rootFile = join(dir, 'chinaums.openapi.yaml');
  const root = readFileSync(rootFile, 'utf8');
  writeFileSync(rootFile, root.replace(/^paths:\n/m, "paths:\n  /v1/netpay/close:\n    $ref: paths/netpayClose.yaml\n"));
  return rootFile;
}

describe('the generator', () => {
  it('reads per-operation behaviour from x- extensions', () => {
    expect(operations.netpayQuery).toMatchObject({ method: 'POST', path: '/v1/netpay/query', retrySafe: true, sdkMethod: true });
    expect(operations.billsPreauthCancel.retrySafe).toBe(false);
    expect(operations.payPointOrderSync.retrySafe).toBe(false);
    expect(operations.payPointOrderSync.result).toEqual({ codeField: 'respCode', messageField: 'respDesc', success: ['0000'] });
    expect(operations.payPointOrderSync.requestTimestampField).toBeNull();
    expect(operations.accessToken).toMatchObject({ sdkMethod: false, security: [], retrySafe: true });
    expect(operations.netpayQuery.responseWireFormat.integers).toContainEqual(['totalAmount']);
    expect(operations.netpayRefundQuery.responseWireFormat.jsonStrings).toContainEqual(['eventList', '*', 'goodsList']);
  });

  it('turns a new operation in the spec into a table entry and types, with no hand-written code', async () => {
    const doc = bundleSpecSync(specWithCloseOperation());
    const table = renderOperations(doc, "// test");
    expect(table).toContain('"netpayClose"');
    expect(table).toMatch(/"operationId": "netpayClose",[\s\S]*?"path": "\/v1\/netpay\/close",[\s\S]*?"retrySafe": false/);
    const types = await renderTypes(doc, "// test");
    expect(types).toContain('"/v1/netpay/close"');
    expect(types).toContain('netpayClose: {');
  }, 60_000);

  it('refuses an operation without its x-result rule, naming it', () => {
    const doc = structuredClone(bundleSpecSync()) as { paths: Record<string, { post: Record<string, unknown> }> };
    delete doc.paths['/v1/netpay/query']!.post['x-result'];
    expect(() => describeOperations(doc)).toThrow(/POST \/v1\/netpay\/query: missing x-result/);
  }, 60_000);
});
