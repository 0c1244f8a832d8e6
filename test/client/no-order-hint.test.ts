// A NO_ORDER answer's hint names the ids that identify the object for that operation (from the
// spec's x-identified-by), not merOrderId/mid/tid everywhere.
import { describe, expect, it } from 'vitest';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { ApiError } from '../../src/errors.js';
import { interpretResponse } from '../../src/client/interpret-response.js';

const all = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter((op) => op.sdkMethod);

function noOrderMessage(op: OperationDescriptor): string {
  const body = JSON.stringify({ [op.result.codeField]: 'NO_ORDER', [op.result.messageField]: '订单不存在' });
  try {
    interpretResponse(op, { status: 200, text: body }, 1);
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).message;
  }
  throw new Error(`${op.operationId}: NO_ORDER did not throw`);
}

describe('NO_ORDER hints', () => {
  it.each(all.map((op) => [op.operationId, op] as const))('%s names every id in its x-identified-by', (_, op) => {
    expect(op.identifiedBy.length).toBeGreaterThan(0);
    const message = noOrderMessage(op);
    for (const id of op.identifiedBy) expect(message).toContain(id);
  });

  it('pay-point names fenOrderId (it has no merOrderId); bills name billNo and billDate', () => {
    const payPoint = noOrderMessage(operations.payPointOrderSync);
    expect(payPoint).toContain('fenOrderId');
    expect(payPoint).not.toContain('merOrderId');
    expect(noOrderMessage(operations.billsPreauthCancel)).toMatch(/billNo \+ billDate/);
  });
});
