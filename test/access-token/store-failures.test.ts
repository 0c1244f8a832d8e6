// A token store that refuses writes must not become an outage plus token churn, and whatever a
// store client says about the command it failed must not carry a token into errors or events.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { accessTokenAuth, ChinaUmsError, createChinaUmsClient, MemoryAccessTokenStore, type AccessTokenStore, type ChinaUmsEvent } from '../../src/index.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { createTokenPlatform } from '../faults/helpers/token-platform.js';

const QUERY = { mid: '898201612345678', tid: '88880001', instMid: 'YUEDANDEFAULT', merOrderId: '327M202204141724489725391331' };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function freshPlatform() {
  const platform = createTokenPlatform();
  server.use(...platform.handlers);
  return platform;
}

/** A memory store whose writes fail the way an HTTP Redis client does: quoting the command. */
class RefusingStore extends MemoryAccessTokenStore implements AccessTokenStore {
  writes = 0;
  override async set(_appId: string, token: { accessToken: string; expiresAt: number }): Promise<void> {
    this.writes++;
    throw new Error(`ERR OOM command not allowed: SET chinaums:token:${TEST_APP.appId} {"accessToken":"${token.accessToken}","expiresAt":${token.expiresAt}}`);
  }
  override async invalidate(_appId: string, rejected: string): Promise<void> {
    throw new Error(`ERR READONLY You can't write against a read only replica. EVAL ... ${rejected}`);
  }
}

function client(store: AccessTokenStore, events: ChinaUmsEvent[], logLines: string[]) {
  const log = (message: string, fields: Record<string, unknown>) => logLines.push(`${message} ${JSON.stringify(fields)}`);
  return createChinaUmsClient({
    ...TEST_APP,
    environment: 'test',
    auth: accessTokenAuth({ store }),
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    hooks: { onToken: (event) => events.push(event) },
    logger: { debug: log, info: log, warn: log, error: log },
  });
}

describe('a token store that refuses writes', () => {
  it('without a logger or onToken hook the failure still reaches console.warn, redacted; logger: false silences it', async () => {
    const platform = freshPlatform();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const quiet = { ...TEST_APP, environment: 'test' as const, retry: { baseDelayMs: 1, maxDelayMs: 2 } };
      await createChinaUmsClient({ ...quiet, auth: accessTokenAuth({ store: new RefusingStore() }) }).netpayQuery(QUERY);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^chinaums access token store failed: set: ERR OOM/);
      expect(JSON.stringify(warn.mock.calls)).not.toContain(platform.issued[0]!);
      await createChinaUmsClient({ ...quiet, auth: accessTokenAuth({ store: new RefusingStore() }), logger: false }).netpayQuery(QUERY);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('12 calls fetch 1 token and all succeed: the token lives in the client memory, with a warning', async () => {
    const platform = freshPlatform();
    const store = new RefusingStore();
    const events: ChinaUmsEvent[] = [];
    const logLines: string[] = [];
    const ums = client(store, events, logLines);
    for (let i = 0; i < 12; i++) expect((await ums.netpayQuery(QUERY)).errCode).toBe('SUCCESS');
    expect(platform.tokenRequests).toBe(1);
    expect(platform.businessRequests).toBe(12);
    expect(store.writes).toBe(1);
    const failed = events.filter((e) => e.type === 'token' && e.action === 'store-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ reason: expect.stringContaining('set: ERR OOM') });
    expect(logLines.some((line) => line.startsWith('chinaums access token store failed: set: ERR OOM'))).toBe(true);
    // The store quoted the token; neither the event nor the log line does.
    const token = platform.issued[0]!;
    expect(JSON.stringify(events)).not.toContain(token);
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('a refused token is renewed even when the store cannot forget it; the warning hides the token', async () => {
    const platform = freshPlatform();
    const store = new RefusingStore();
    const events: ChinaUmsEvent[] = [];
    const logLines: string[] = [];
    const ums = client(store, events, logLines);
    await ums.netpayQuery(QUERY);
    platform.valid.clear();
    expect((await ums.netpayQuery(QUERY)).errCode).toBe('SUCCESS');
    expect(platform.tokenRequests).toBe(2);
    const invalidate = events.find((e) => e.type === 'token' && e.action === 'store-failed' && e.reason?.startsWith('invalidate'));
    expect(invalidate).toBeDefined();
    for (const token of platform.issued) {
      expect(JSON.stringify(events)).not.toContain(token);
      expect(logLines.join('\n')).not.toContain(token);
    }
  });

  it('a store that cannot be read is TOKEN_STORE_FAILED, blaming the store, with the token it quoted redacted', async () => {
    freshPlatform();
    const seen = `tok-seen-${'a'.repeat(24)}`;
    const store: AccessTokenStore = {
      get: async () => {
        throw new Error(`connection lost while reading {"AccessToken":"unknown-${'b'.repeat(20)}"} after ${seen}`);
      },
      set: async () => undefined,
      invalidate: async () => undefined,
    };
    // A token this process has seen (another client adopted it) is redacted by value.
    const shared = new MemoryAccessTokenStore();
    await shared.set(TEST_APP.appId, { accessToken: seen, expiresAt: Date.now() + 3_600_000 });
    freshPlatform();
    await client(shared, [], []).netpayQuery(QUERY).catch(() => undefined);

    const error = await client(store, [], []).netpayQuery(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChinaUmsError);
    const { code, message } = error as ChinaUmsError;
    expect(code).toBe('TOKEN_STORE_FAILED');
    expect(message).toContain('token store');
    expect(message).not.toMatch(/network/i);
    expect(message).not.toContain(seen);
    expect(message).not.toContain('b'.repeat(20));
    expect(message).toContain('"AccessToken":"[REDACTED]"');
  });
});
