import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyWireFormats } from '../../src/wire/format.js';

describe('applyWireFormats', () => {
  const rules = {
    jsonStrings: [['billPayment'], ['eventList', '*', 'goodsList']],
    integers: [['totalAmount'], ['billPayment', 'totalAmount'], ['eventList', '*', 'goodsList', '*', 'goodsNum']],
  };

  it('parses JSON strings first, then converts amounts inside them', () => {
    const value = {
      totalAmount: '100',
      billPayment: '{"totalAmount":"2100","status":"TRADE_CLOSED"}',
      eventList: [{ goodsList: '[{"goodsNum":"2"},{"goodsNum":3}]' }, { goodsList: [] }],
    };
    expect(applyWireFormats(value, rules)).toEqual([]);
    expect(value).toEqual({
      totalAmount: 100,
      billPayment: { totalAmount: 2100, status: 'TRADE_CLOSED' },
      eventList: [{ goodsList: [{ goodsNum: 2 }, { goodsNum: 3 }] }, { goodsList: [] }],
    });
  });

  it('drops empty values instead of inventing zeros', () => {
    const value: Record<string, unknown> = { totalAmount: '', billPayment: '' };
    applyWireFormats(value, rules);
    expect(value).toEqual({});
  });

  it('reports values it cannot convert and leaves them out (the caller keeps the text as received)', () => {
    const value = { totalAmount: '1.5', billPayment: '{oops', eventList: [{ goodsList: 'x' }] };
    expect(applyWireFormats(value, rules)).toEqual([
      { field: 'billPayment', problem: 'not-json' },
      { field: 'eventList.0.goodsList', problem: 'not-json' },
      { field: 'totalAmount', problem: 'not-an-integer' },
    ]);
    expect(value).toEqual({ eventList: [{}] });
  });

  it('does not reinterpret decimal amounts ("1.00", "100.00")', () => {
    for (const totalAmount of ['1.00', '100.00', '1e2', '0x10']) {
      const value: Record<string, unknown> = { totalAmount };
      expect(applyWireFormats(value, rules)).toEqual([{ field: 'totalAmount', problem: 'not-an-integer' }]);
      expect(value).toEqual({});
    }
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        applyWireFormats(value, rules);
      }),
    );
  });
});
