// The generator's one rule for direction: request bodies are sent (strict), responses and the
// webhook are received (open enums in the types; validators report instead of failing).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpecSync, repoRoot } from '../../scripts/codegen/bundle.mjs';
import { assertClassifiable } from '../../scripts/codegen/received-validator.mjs';
import { openEnumComponents, schemaDirections } from '../../scripts/lib/direction.mjs';
import { requestValidators, responseValidators, validatePaymentNotification } from '../../src/validators.js';

describe('direction by position', () => {
  it('request schemas are sent, responses and the notification received', () => {
    const { sent, received } = schemaDirections(bundleSpecSync());
    expect(sent.has('NetpayQueryRequest') && !received.has('NetpayQueryRequest')).toBe(true);
    expect(received.has('PaymentNotification') && received.has('TradeStatus') && !sent.has('TradeStatus')).toBe(true);
  });

  it('received enums are open in the generated types; sent ones stay closed', () => {
    const types = readFileSync(join(repoRoot, 'generated/schema.ts'), 'utf8');
    expect(types).toMatch(/TradeStatus: "NEW_ORDER" \| [^\n]*\| \(string & \{\}\);/);
    expect(types).toMatch(/type: "Order_Paid";/);
  });

  it('an enum used both ways stops the generator, naming it', () => {
    const doc = structuredClone(bundleSpecSync()) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    doc.components.schemas['NetpayQueryRequest']!.properties!['status'] = { $ref: '#/components/schemas/TradeStatus' };
    expect(() => openEnumComponents(doc)).toThrow(/TradeStatus is used in a request and in a response/);
  });

  it('a union in a received schema stops the generator (its errors could not be classified)', () => {
    const defs = { root: { properties: { a: { $ref: '#/$defs/u' } } }, u: { anyOf: [{ type: 'string' }, { type: 'integer' }] } };
    expect(() => assertClassifiable(defs, ['root'])).toThrow(/u: a received schema uses `anyOf`/);
  });
});

describe('the generated validators', () => {
  it('received: an unknown value passes, listed in problems; a wrong JSON type fails', () => {
    expect(validatePaymentNotification({ sign: 'A1', status: 'TRADE_PENDING', mid: 'x'.repeat(99) })).toBe(true);
    expect(validatePaymentNotification.errors).toBeNull();
    expect(validatePaymentNotification.problems?.map((p) => p.keyword).sort()).toEqual(['enum', 'maxLength']);
    expect(validatePaymentNotification({ sign: 'A1', totalAmount: '1.00' })).toBe(false);
    expect(validatePaymentNotification.errors?.[0]).toMatchObject({ instancePath: '/totalAmount', keyword: 'type' });
    expect(responseValidators.netpayQuery({ errCode: 'SUCCESS', status: 'TRADE_PENDING' })).toBe(true);
    expect(validatePaymentNotification({ status: 'TRADE_SUCCESS' })).toBe(false);
  });

  it('sent: the same kind of value is refused', () => {
    const body = { requestTimestamp: '2024-01-01 00:00:00', mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: 'ABC123456' };
    expect(requestValidators.netpayQuery(body)).toBe(true);
    expect(requestValidators.netpayQuery({ ...body, mid: 'x'.repeat(99) })).toBe(false);
    expect(requestValidators.payPointOrderSync({ fenOrderId: '1', mid: '1', serviceId: '1', type: 'Order_Closed', detail: { paidTime: '20240101' } })).toBe(false);
  });

  it('netpayRefundQuery accepts instMid', () => {
    const body = { requestTimestamp: '2024-01-01 00:00:00', mid: '898201612345678', tid: '88880001', merOrderId: 'ABC123456' };
    expect(requestValidators.netpayRefundQuery({ ...body, instMid: 'YUEDANDEFAULT' })).toBe(true);
  });
});
