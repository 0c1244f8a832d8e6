import { describe, expectTypeOf, it } from 'vitest';
import { createChinaUmsClient, type CallOptions, type ChinaUmsOperations, type OperationRequest, type OperationResponse, type SdkOperationId } from '../../src/index.js';
import type { BrowserPageOperationId } from '../../src/operation-types.js';

const ums = createChinaUmsClient({ appId: 'a', appKey: 'k', environment: 'test' });

describe('client types come from the spec', () => {
  it('has one method per business operation, and none for the token endpoint', () => {
    expectTypeOf(ums).toHaveProperty('netpayQuery');
    expectTypeOf(ums).toHaveProperty('netpayRefundQuery');
    expectTypeOf(ums).toHaveProperty('billsPreauthCancel');
    expectTypeOf(ums).toHaveProperty('payPointOrderSync');
    expectTypeOf(ums).not.toHaveProperty('accessToken');
  });

  it('the generated, documented method interface has exactly the SDK operations, each typed by its id', () => {
    expectTypeOf<keyof ChinaUmsOperations>().toEqualTypeOf<SdkOperationId>();
    type Expected = {
      [K in SdkOperationId]: K extends BrowserPageOperationId
        ? (content: OperationRequest<K>) => Promise<string>
        : (body: OperationRequest<K>, options?: CallOptions) => Promise<OperationResponse<K>>;
    };
    expectTypeOf<{ [K in SdkOperationId]: ChinaUmsOperations[K] }>().toEqualTypeOf<Expected>();
  });

  it('types request fields and makes requestTimestamp optional', () => {
    expectTypeOf(ums.netpayQuery).parameter(0).toHaveProperty('merOrderId').toEqualTypeOf<string>();
    expectTypeOf(ums.netpayQuery).parameter(0).toHaveProperty('requestTimestamp').toEqualTypeOf<string | undefined>();
  });

  it('returns amounts as numbers and parsed objects', () => {
    expectTypeOf<OperationResponse<'netpayQuery'>['totalAmount']>().toEqualTypeOf<number | undefined>();
    expectTypeOf(ums.billsPreauthCancel).returns.resolves.toHaveProperty('billPayment');
  });

  it('rejects wrong field types, unknown fields and unknown operations at compile time', () => {
    // @ts-expect-error merOrderId is a string
    void ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: 42 });
    // @ts-expect-error an unknown field is a typo the compiler should catch
    void ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: 'x', merOrderID: 'x' });
    // @ts-expect-error mid is required
    void ums.netpayQuery({ tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: 'x' });
    // @ts-expect-error there is no such operation
    void ums.netpayRefund({});
    // @ts-expect-error the pay-point type is an enum
    void ums.payPointOrderSync({ fenOrderId: 'f', mid: 'm', serviceId: 's', type: 'Order_Unpaid', detail: { paidTime: '20240101' } });
  });

  it('received enums are open sets: the known values and any other string fit', () => {
    type Status = NonNullable<OperationResponse<'netpayQuery'>['status']>;
    expectTypeOf<'TRADE_SUCCESS'>().toMatchTypeOf<Status>();
    expectTypeOf<'TRADE_PENDING'>().toMatchTypeOf<Status>();
    expectTypeOf<Status>().toMatchTypeOf<string>();
  });
});
