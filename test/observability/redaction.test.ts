// The redaction funnel: known credentials and named credential fields, whatever the text's source.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChinaUmsError, createChinaUmsClient, type ChinaUmsEvent } from '../../src/index.js';
import { verifyNotification } from '../../src/notifications/index.js';
import { redactCause, redactSecrets, rememberSecret } from '../../src/redaction.js';

const SECRET_CHARS = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+/'.split(''));
const secretArb = fc.array(SECRET_CHARS, { minLength: 16, maxLength: 64 }).map((chars) => `S${chars.join('')}`);

describe('redactSecrets', () => {
  it('replaces a remembered credential anywhere in any text', () => {
    fc.assert(
      fc.property(secretArb, fc.string(), fc.string(), (secret, before, after) => {
        rememberSecret(secret);
        const out = redactSecrets(`${before}${secret}${after}`);
        expect(out).not.toContain(secret);
        expect(out).toContain('[REDACTED]');
      }),
    );
  });

  it.each([
    ['{"accessToken":"abc123xyz"}', '{"accessToken":"[REDACTED]"}'],
    ['{"AccessToken": "abc123xyz"}', '{"AccessToken": "[REDACTED]"}'],
    ['SET k {\\"accessToken\\":\\"abc123xyz\\"}', 'SET k {\\"accessToken\\":\\"[REDACTED]\\"}'],
    ['OPEN-ACCESS-TOKEN AccessToken=abc123xyz', 'OPEN-ACCESS-TOKEN AccessToken=[REDACTED]'],
    ['url?access_token=abc123xyz&x=1', 'url?access_token=[REDACTED]&x=1'],
    ["{'appKey': 'k1k2k3'}", "{'appKey': '[REDACTED]'}"],
    ['md5Key=zzz, next', 'md5Key=[REDACTED], next'],
  ])('redacts the named field in %s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('token refreshes never push a configured credential out', () => {
    const appKey = `long-lived-appkey-${'k'.repeat(20)}`;
    rememberSecret(appKey);
    for (let i = 0; i < 500; i++) rememberSecret(`token-${i}-${'t'.repeat(20)}`, 'token');
    expect(redactSecrets(`x ${appKey} y`)).toBe('x [REDACTED] y');
    expect(redactSecrets(`token-499-${'t'.repeat(20)}`)).toBe('[REDACTED]');
  });

  it('an md5 key given to the verifier is redacted from later errors', async () => {
    const key = `notify-md5-key-${'m'.repeat(20)}`;
    await verifyNotification('a=1&sign=00', { key });
    expect(new ChinaUmsError(`echo ${key}`, { code: 'X' }).message).toBe('echo [REDACTED]');
  });

  it('leaves the SDK own wording alone', () => {
    const message = 'accessToken: the token store failed (get: timeout); check appId and appKey (no surrounding whitespace).';
    expect(redactSecrets(message)).toBe(message);
  });

  it('redacts a cause chain and keeps the codes', () => {
    const secret = `cause-secret-${'q'.repeat(20)}`;
    rememberSecret(secret);
    const inner = Object.assign(new Error(`connect ECONNREFUSED with ${secret}`), { code: 'ECONNREFUSED' });
    const outer = new TypeError('fetch failed', { cause: inner });
    const redacted = redactCause(outer) as Error;
    expect(redacted).not.toBe(outer);
    expect(redacted.name).toBe('TypeError');
    expect((redacted.cause as { code?: string }).code).toBe('ECONNREFUSED');
    expect((redacted.cause as Error).message).not.toContain(secret);
    const clean = new Error('nothing secret');
    expect(redactCause(clean)).toBe(clean);
  });
});

describe('the funnel', () => {
  it('an error built from any text carries no known credential in message, rawBody or cause', () => {
    const appKey = `appkey-${'z'.repeat(26)}`;
    createChinaUmsClient({ appId: 'app-1', appKey, environment: 'test' });
    const error = new ChinaUmsError(`store said ${appKey}`, { code: 'X', rawBody: `{"echo":"${appKey}"}`, cause: new Error(`again ${appKey}`) });
    const printed = [error.message, error.rawBody, (error.cause as Error).message, JSON.stringify(error)].join('\n');
    expect(printed).not.toContain(appKey);
  });

  it('events reach hooks and logger redacted, whatever the call site put in them', async () => {
    const appKey = `appkey-${'y'.repeat(26)}`;
    const events: ChinaUmsEvent[] = [];
    const lines: string[] = [];
    const log = (message: string, fields: Record<string, unknown>) => lines.push(message + JSON.stringify(fields));
    const ums = createChinaUmsClient({
      appId: 'app-1',
      appKey,
      baseUrl: `http://127.0.0.1:9/${appKey}`,
      fetch: async () => new Response('{}'),
      retry: false,
      hooks: { onRequest: (event) => events.push(event), onError: (event) => events.push(event) },
      logger: { debug: log, info: log, warn: log, error: log },
    });
    await ums.netpayQuery({ mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' }).catch(() => undefined);
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toContain(appKey);
    expect(lines.join('\n')).not.toContain(appKey);
  });
});
