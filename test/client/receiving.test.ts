// Answers are the platform's word: a success answer with unfamiliar values is returned, and the
// differences are reported (problems events: hooks, logger, console.warn by default).
import { describe, expect, it, vi } from 'vitest';
import { createChinaUmsClient, type ChinaUmsLogger, type ProblemsEvent } from '../../src/index.js';
import { responseValidators } from '../../src/validators.js';
import { TEST_APP } from '../helpers/msw-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };
const CANCEL = {
  mid: '89844035541APR4',
  tid: 'APR40001',
  instMid: 'QRPAYDEFAULT',
  billNo: '124F2023071912021792962162',
  billDate: '2023-07-19',
  merOrderId: '124F20230719120217929621620',
};

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

function answering(body: unknown, options: Partial<Parameters<typeof createChinaUmsClient>[0]> = {}) {
  return createChinaUmsClient({ ...TEST_APP, environment: 'test', fetch: async () => json(body), ...options });
}

function silentLogger(): ChinaUmsLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, debug: () => undefined, info: () => undefined, error: () => undefined, warn: (message) => warnings.push(message) };
}

describe('a success answer with values the spec does not document', () => {
  it('netpayQuery with totalAmount "100.00": the answer is returned (status intact), the amount left out and reported with the raw body', async () => {
    const events: ProblemsEvent[] = [];
    const ums = answering({ errCode: 'SUCCESS', status: 'TRADE_SUCCESS', totalAmount: '100.00', merOrderId: QUERY.merOrderId }, { hooks: { onProblems: (e) => events.push(e) } });
    const answer = await ums.netpayQuery(QUERY);
    expect(answer.status).toBe('TRADE_SUCCESS');
    expect('totalAmount' in answer).toBe(false);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'problems', operation: 'netpayQuery', attempt: 1, problems: [{ instancePath: '/totalAmount', keyword: 'integer', leftOut: true }] });
    expect(events[0]!.rawBody).toContain('"totalAmount":"100.00"');
  });

  it('with responseValidators, an unknown enum value is returned unchanged and listed', async () => {
    const events: ProblemsEvent[] = [];
    const ums = answering({ errCode: 'SUCCESS', status: 'TRADE_PENDING', mid: 'M'.repeat(40) }, { responseValidators, hooks: { onProblems: (e) => events.push(e) } });
    const answer = await ums.netpayQuery(QUERY);
    expect(answer.status).toBe('TRADE_PENDING');
    expect(answer.mid).toBe('M'.repeat(40));
    expect(events[0]!.problems.map((p) => [p.instancePath, p.keyword]).sort()).toEqual([
      ['/mid', 'maxLength'],
      ['/status', 'enum'],
    ]);
  });

  it('billsPreauthCancel that took effect is a success, with billPayment parsed from a JSON string', async () => {
    const billPayment = JSON.stringify({ merOrderId: CANCEL.merOrderId, totalAmount: '2100', status: 'TRADE_CLOSED', payDetail: '现金支付21.00元' });
    const logger = silentLogger();
    const ums = answering({ errCode: 'SUCCESS', billStatus: 'CLOSED', billPayment, cardAttr: 'BALANCE', billNo: CANCEL.billNo }, { responseValidators, logger });
    const answer = await ums.billsPreauthCancel(CANCEL);
    expect(answer.billStatus).toBe('CLOSED');
    expect(answer.billPayment).toEqual({ merOrderId: CANCEL.merOrderId, totalAmount: 2100, status: 'TRADE_CLOSED', payDetail: '现金支付21.00元' });
    expect(logger.warnings).toEqual([expect.stringMatching(/billsPreauthCancel answered with values .*cardAttr/)]);
  });

  it('a clean answer reports nothing', async () => {
    const onProblems = vi.fn();
    await answering({ errCode: 'SUCCESS', status: 'TRADE_SUCCESS', totalAmount: '100' }, { responseValidators, hooks: { onProblems } }).netpayQuery(QUERY);
    expect(onProblems).not.toHaveBeenCalled();
  });

  it('without a logger or onProblems hook the problems reach console.warn (without the body); logger: false silences it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const body = { errCode: 'SUCCESS', status: 'TRADE_SUCCESS', totalAmount: '1.5', buyerId: 'secret-ish-buyer' };
      await answering(body).netpayQuery(QUERY);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/netpayQuery answered with values .*totalAmount/);
      expect(JSON.stringify(warn.mock.calls[0])).not.toContain('secret-ish-buyer');
      expect(JSON.stringify(warn.mock.calls[0])).not.toContain(TEST_APP.appKey);
      warn.mockClear();
      await answering(body, { logger: false }).netpayQuery(QUERY);
      await answering(body, { hooks: { onProblems: () => undefined } }).netpayQuery(QUERY);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
