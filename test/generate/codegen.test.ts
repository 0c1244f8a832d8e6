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

/**
 * A copy of the spec with one more operation, the way a maintainer adds one (a path file and a
 * line in the root), on a path no real endpoint will take so that it never collides with one.
 */
function specWithCloseOperation(): string {
  const dir = join(workDir, 'spec');
  cpSync(join(repoRoot, 'spec'), dir, { recursive: true });
  const query = readFileSync(join(dir, 'paths/netpayQuery.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'paths/fixtureClose.yaml'),
    query
      .replace('operationId: netpayQuery', 'operationId: fixtureClose')
      .replace(/summary: .*/, 'summary: 订单关闭 — Close an order')
      .replace('x-retry-safe: true', 'x-retry-safe: false'),
  );
  const rootFile = join(dir, 'chinaums.openapi.yaml');
  const root = readFileSync(rootFile, 'utf8');
  writeFileSync(rootFile, root.replace(/^paths:\n/m, "paths:\n  /v1/_fixture/close:\n    $ref: paths/fixtureClose.yaml\n"));
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
    expect(operations.netpayTradeH5Pay).toMatchObject({ method: 'GET', transport: 'browser-redirect', security: ['OpenFormParam'] });
    expect(operations.netpayQuery.transport).toBe('json');
    expect(operations.netpayRefund.fills).toEqual([{ field: 'refundOrderId', kind: 'order-id', prefixFrom: 'merOrderId', maxLength: 64 }]);
    expect(operations.billsRefund.fills).toEqual([{ field: 'refundOrderId', kind: 'order-id', prefixFrom: 'billNo', maxLength: 32 }]);
    expect(operations.netpayClose.retrySafe).toBe(false);
  });

  it('refuses an x-sdk-fill whose prefix field is not a required request field', () => {
    const doc = structuredClone(bundleSpecSync()) as { components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };
    doc.components.schemas['NetpayRefundRequest']!.properties['refundOrderId']!['x-sdk-fill-prefix-from'] = 'refundDesc';
    expect(() => describeOperations(doc)).toThrow(/POST \/v1\/netpay\/refund: refundOrderId: x-sdk-fill-prefix-from refundDesc must be required/);
  }, 60_000);

  it('turns a new operation in the spec into a table entry and types, with no hand-written code', async () => {
    const doc = bundleSpecSync(specWithCloseOperation());
    const table = renderOperations(doc, "// test");
    expect(table).toContain('"fixtureClose"');
    expect(table).toMatch(/"operationId": "fixtureClose",[\s\S]*?"path": "\/v1\/_fixture\/close",[\s\S]*?"retrySafe": false/);
    const types = await renderTypes(doc, "// test");
    expect(types).toContain('"/v1/_fixture/close"');
    expect(types).toContain('fixtureClose: {');
  }, 60_000);

  it('states its example rule: a client method without a request example or a success answer example is refused, naming it', () => {
    type Op = { requestBody: { content: Record<string, Record<string, unknown>> }; responses: Record<string, { content: Record<string, Record<string, unknown>> }> };
    const noRequest = structuredClone(bundleSpecSync()) as { paths: Record<string, { post: Op }> };
    const request = noRequest.paths['/v1/netpay/query']!.post.requestBody.content['application/json']!;
    delete request['example'];
    delete request['examples'];
    expect(() => describeOperations(noRequest)).toThrow(/POST \/v1\/netpay\/query: needs a request example/);

    const noSuccess = structuredClone(bundleSpecSync()) as { paths: Record<string, { post: Op }> };
    const answer = noSuccess.paths['/v1/netpay/query']!.post.responses['200']!.content['application/json']!;
    delete answer['example'];
    delete answer['examples'];
    expect(() => describeOperations(noSuccess)).toThrow(/POST \/v1\/netpay\/query: needs a 200 example whose errCode is a success code/);
  }, 60_000);

  it('refuses an operation without its x-result rule, naming it', () => {
    const doc = structuredClone(bundleSpecSync()) as { paths: Record<string, { post: Record<string, unknown> }> };
    delete doc.paths['/v1/netpay/query']!.post['x-result'];
    expect(() => describeOperations(doc)).toThrow(/POST \/v1\/netpay\/query: missing x-result/);
  }, 60_000);
});
