// Unit tests of the ChinaUMS page parser against the five seed pages and small hand-made pages.
import { describe, expect, it } from 'vitest';
import { parsePage, PageParseError, type PageField } from '../../scripts/lib/page-parser.mjs';
import { parseLength } from '../../scripts/lib/length-bound.mjs';
import { enumFromLine, isEnumLike } from '../../scripts/lib/enum-like.mjs';
import { pageText } from './pages.js';

function field(fields: PageField[] | null, path: string): PageField {
  let list = fields ?? [];
  let found: PageField | undefined;
  for (const name of path.split('.')) {
    found = list.find((f) => f.name === name);
    if (!found) throw new Error(`no field ${path}`);
    list = found.children;
  }
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

function names(fields: PageField[] | null): string[] {
  return (fields ?? []).map((f) => f.name);
}

/** A minimal page around the given table lines. */
function page(response: string[], request: string[] = ['mid string 15 商户号']): string {
  return ['测试页面', 'URL', '  • 生产环境: POST https://api-mop.chinaums.com/v1/test/op', '', '请求参数', '', '名称 类型 必填 最大长度 描述 示例值', ...request, '', '响应参数', '', '名称 类型 必填 最大长度 描述 示例值', ...response, '', '错误码'].join('\n');
}

describe('seed pages', () => {
  it('reads title and endpoint', () => {
    expect(parsePage(pageText('000'))).toMatchObject({ title: '新版云闪付退款查询', method: 'POST', path: '/v1/netpay/refund-query' });
    expect(parsePage(pageText('001'))).toMatchObject({ title: '支付结果查询', method: 'POST', path: '/v1/netpay/query' });
    expect(parsePage(pageText('002'))).toMatchObject({ title: '预授权撤销', path: '/v1/netpay/bills/preauth-cancel' });
    expect(parsePage(pageText('004'))).toMatchObject({ title: '订单信息同步', path: '/v1/inip/corporate-wallet/wechat-pay-point/order/sync' });
  });

  it('maps the notification page to no endpoint and reads its pipe table', () => {
    const p = parsePage(pageText('003'));
    expect(p).toMatchObject({ title: '主动支付结果通知', method: null, path: null, request: null });
    expect(p.response).toHaveLength(39);
    expect(field(p.response, 'msgSrc')).toMatchObject({ type: 'string', required: true, length: { max: 255 } });
    expect(field(p.response, 'fenOrderId')).toMatchObject({ required: false, length: { max: 32 }, description: '支付分订单号' });
    // A `|` inside the description cell does not shift the columns.
    expect(field(p.response, 'billFunds')).toMatchObject({ type: 'string', required: false, length: null });
    expect(field(p.response, 'billFunds').description).toContain('支付宝余额:33');
  });

  it('reads every request row of 001 with lengths and examples', () => {
    const p = parsePage(pageText('001'));
    expect(names(p.request)).toEqual(['requestTimestamp', 'mid', 'tid', 'instMid', 'merOrderId', 'msgId', 'srcReserve']);
    expect(field(p.request, 'requestTimestamp')).toMatchObject({ length: null, example: '2022-04-20 15:50:10' });
    expect(field(p.request, 'instMid')).toMatchObject({ length: { min: 8, max: 32 }, example: 'YUEDANDEFAULT', enumValues: ['YUEDANDEFAULT'] });
    expect(field(p.request, 'msgId')).toMatchObject({ length: { min: null, max: 64 }, example: '001' });
  });

  it('nests rows by indentation, two levels deep', () => {
    const p = parsePage(pageText('000'));
    const events = field(p.response, 'eventList');
    expect(events.type).toBe('array');
    expect(names(events.children)).toContain('thirdPartyPromotionDetail');
    const goods = field(p.response, 'eventList.goodsList');
    expect(goods.type).toBe('string');
    expect(names(goods.children)).toEqual(['goodsId', 'promotionAmt', 'goodsNum', 'goodsPrice', 'goodsRemark']);
    expect(names(p.response)).toContain('msgId'); // back at the top level after the nested rows
    expect(names(p.response).indexOf('msgId')).toBe(names(p.response).indexOf('eventList') + 1);
  });

  it('folds multi-line cells into their row', () => {
    const p001 = parsePage(pageText('001'));
    expect(field(p001.response, 'errCode')).toMatchObject({ description: '错误代码 平台错误码 业务错误码', example: 'SUCCESS' });
    expect(names(p001.response)[1]).toBe('errMsg');
    const p002 = parsePage(pageText('002'));
    expect(field(p002.response, 'cardAttr')).toMatchObject({ example: 'CREDIT_CARD', enumValues: ['DEBIT_CARD', 'CREDIT_CARD'] });
    expect(field(p002.response, 'billPayment.status').enumValues).toEqual(['TRADE_CLOSED']);
  });

  it('keeps object sub-fields and long descriptions of 004', () => {
    const p = parsePage(pageText('004'));
    expect(field(p.request, 'detail')).toMatchObject({ type: 'object' });
    expect(field(p.request, 'detail.paidTime')).toMatchObject({ type: 'string', length: { max: 64 } });
    expect(names(p.response)).toEqual(['respCode', 'respDesc']);
  });

  it('reads the Date type and the ⇐ bound of 000', () => {
    const p = parsePage(pageText('000'));
    expect(field(p.response, 'responseTimeStamp').type).toBe('date');
    expect(field(p.request, 'systemId').length).toMatchObject({ min: null, max: 32 });
    expect(field(p.response, 'srcReserve').length).toMatchObject({ max: 255 });
  });
});

describe('hand-made pages', () => {
  it('nests with 3 spaces per level', () => {
    const p = parsePage(page(['list array 列表', '   item object 项', '      code string 8 代码', '   other string 其他', 'tail string 末尾']));
    expect(names(p.response)).toEqual(['list', 'tail']);
    expect(names(field(p.response, 'list').children)).toEqual(['item', 'other']);
    expect(names(field(p.response, 'list.item').children)).toEqual(['code']);
  });

  it('keeps rows after a stray blank line inside a table', () => {
    const p = parsePage(page(['a string 甲', '', 'b string 乙']));
    expect(names(p.response)).toEqual(['a', 'b']);
  });

  it('reads 必填 and type words case-insensitively', () => {
    const p = parsePage(page(['flag Boolean 是 - 标志', 'items List 否 - 列表', 'count Integer 是 - 数量']));
    expect(field(p.response, 'flag')).toMatchObject({ type: 'boolean', required: true });
    expect(field(p.response, 'items')).toMatchObject({ type: 'array', required: false });
    expect(field(p.response, 'count').type).toBe('integer');
  });

  it.each([
    ['an unknown type', ['ok string 好', 'bad strng 32 坏'], 'unknown type "strng"', 'bad strng 32 坏'],
    ['a row without a type', ['ok string 好', 'bad 32 坏'], 'has no type', 'bad 32 坏'],
    ['inconsistent indentation', ['list array 列表', '      deep string 深', '   shallow string 浅'], 'differs from the sibling', 'shallow string 浅'],
  ])('fails on %s, naming the line', (_name, rows, reason, text) => {
    const source = page(rows);
    const lineNo = source.split('\n').findIndex((l) => l.trim() === text) + 1;
    let error: unknown;
    try {
      parsePage(source);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PageParseError);
    const e = error as PageParseError;
    expect(e.line).toBe(lineNo);
    expect(e.text).toBe(text.trim());
    expect(e.message).toContain(`line ${lineNo}`);
    expect(e.reason).toContain(reason);
  });

  it('fails when a page has no URL heading or no tables', () => {
    expect(() => parsePage('只是一些文字\n没有表格')).toThrow(/no "URL" heading/);
    expect(() => parsePage('标题\nURL\n  • 生产环境: POST https://api-mop.chinaums.com/v1/x\n\n描述:无')).toThrow(/no 请求参数 or 响应参数 table/);
  });
});

describe('cells', () => {
  it.each([
    ['15', { min: null, max: 15 }],
    ['6..32', { min: 6, max: 32 }],
    ['<=64', { min: null, max: 64 }],
    ['⇐32', { min: null, max: 32 }],
    ['≤8', { min: null, max: 8 }],
  ])('length %s', (raw, bound) => {
    expect(parseLength(raw)).toMatchObject(bound);
  });

  it('treats - as no bound', () => {
    expect(parseLength('-')).toBeNull();
    expect(parseLength('')).toBeNull();
  });

  it('tells enumeration codes from identifiers and amounts', () => {
    for (const v of ['SUCCESS', 'NEW_ORDER', 'TRADE_CLOSED', 'Order_Paid', 'QRPAYDEFAULT']) expect(isEnumLike(v), v).toBe(true);
    for (const v of ['APR40001', '898201612345678', '35316566855N', 'webpay', 'bills', '2023-07-19', 'A']) expect(isEnumLike(v), v).toBe(false);
    expect(enumFromLine('DEBIT_CARD(借记卡);')).toBe('DEBIT_CARD');
    expect(enumFromLine('平台错误码')).toBeNull();
  });
});
