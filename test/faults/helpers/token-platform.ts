// A fake ChinaUMS for access-token mode (msw): issues tokens from /v1/token/access after checking
// the request with node:crypto, and accepts business calls only with a currently valid token.
import { createHash, randomBytes } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { operations } from '../../../generated/operations.js';
import { successExample, TEST_APP, TEST_BASE } from '../../helpers/msw-platform.js';

export interface TokenPlatform {
  readonly handlers: HttpHandler[];
  /** Token requests received (whatever the answer). */
  tokenRequests: number;
  businessRequests: number;
  /** Tokens the platform currently accepts. */
  readonly valid: Set<string>;
  readonly issued: string[];
  /** Authorization headers seen on token and business requests. */
  readonly tokenAuthorizations: Array<string | null>;
  readonly businessAuthorizations: Array<string | null>;
  /** Replace the token endpoint's answer (return undefined to answer normally). */
  tokenOverride: ((n: number) => Response | undefined) | undefined;
  /** Replace a business answer (return undefined to answer normally). */
  businessOverride: ((n: number, token: string | undefined) => Response | undefined) | undefined;
  expiresIn: number;
}

export function tokenSignature(appId: string, timestamp: string, nonce: string, appKey: string): string {
  return createHash('sha256').update(appId + timestamp + nonce + appKey).digest('hex');
}

export function createTokenPlatform(base = TEST_BASE): TokenPlatform {
  const platform: TokenPlatform = {
    handlers: [],
    tokenRequests: 0,
    businessRequests: 0,
    valid: new Set(),
    issued: [],
    tokenAuthorizations: [],
    businessAuthorizations: [],
    tokenOverride: undefined,
    businessOverride: undefined,
    expiresIn: 3600,
  };
  const token = http.post(`${base}${operations.accessToken.path}`, async ({ request }) => {
    const n = ++platform.tokenRequests;
    platform.tokenAuthorizations.push(request.headers.get('authorization'));
    const override = platform.tokenOverride?.(n);
    if (override) return override;
    const body = (await request.json()) as Record<string, string>;
    const expected = tokenSignature(TEST_APP.appId, body['timestamp'] ?? '', body['nonce'] ?? '', TEST_APP.appKey);
    if (body['appId'] !== TEST_APP.appId || body['signMethod'] !== 'SHA256' || body['signature'] !== expected || !/^\d{14}$/.test(body['timestamp'] ?? '')) {
      return HttpResponse.json({ errCode: '1000', errInfo: '认证失败' }, { status: 412 });
    }
    const accessToken = `tok${n}-${randomBytes(16).toString('hex')}`;
    platform.valid.add(accessToken);
    platform.issued.push(accessToken);
    return HttpResponse.json({ errCode: '0000', errInfo: '正常', accessToken, expiresIn: platform.expiresIn });
  });
  const business = Object.values(operations)
    .filter((op) => op.sdkMethod)
    .map((op) =>
      http.post(`${base}${op.path}`, ({ request }) => {
        const n = ++platform.businessRequests;
        const authorization = request.headers.get('authorization');
        platform.businessAuthorizations.push(authorization);
        const used = /^OPEN-ACCESS-TOKEN AccessToken=([^\s"]+)$/.exec(authorization ?? '')?.[1];
        const override = platform.businessOverride?.(n, used);
        if (override) return override;
        if (!used || !platform.valid.has(used)) return HttpResponse.json({ errCode: '1000', errInfo: '认证失败' }, { status: 401 });
        return HttpResponse.json(successExample(op.operationId));
      }),
    );
  platform.handlers.push(token, ...business);
  return platform;
}
