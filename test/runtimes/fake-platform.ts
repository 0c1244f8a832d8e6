// A tiny fake ChinaUMS on 127.0.0.1 for the runtime contract (Node only). It checks every
// OPEN-BODY-SIG header and token request independently with node:crypto, so a runtime whose
// SDK signs wrongly gets the platform's real answer: HTTP 412 with errCode 1000.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP } from './fixtures.js';

const BEIJING_MS = 8 * 3600_000;
const SKEW_MS = 10 * 60_000;

function beijing(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Within ten minutes of now, read as Beijing time (an SDK formatting in UTC is 8 h off). */
function timestampFresh(compact: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(compact);
  if (!m) return false;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - BEIJING_MS;
  return Math.abs(ms - Date.now()) < SKEW_MS;
}

function bodySigProblem(header: string, body: Buffer): string | null {
  const m = /^OPEN-BODY-SIG AppId="([^"]+)", ?Timestamp="(\d{14})", ?Nonce="([0-9a-f]{32})", ?Signature="([^"]+)"$/.exec(header);
  if (!m) return '认证失败: malformed Authorization';
  const [, appId, timestamp, nonce, signature] = m as unknown as string[];
  if (appId !== APP.appId) return '认证失败: unknown AppId';
  if (!timestampFresh(timestamp!)) return 'Timestamp解析失败';
  const digest = createHash('sha256').update(body).digest('hex');
  const expected = createHmac('sha256', APP.appKey).update(`${appId}${timestamp}${nonce}${digest}`).digest('base64');
  return expected === signature ? null : '认证失败: signature mismatch';
}

export interface FakePlatform {
  readonly baseUrl: string;
  readonly calls: { readonly path: string; readonly auth: string }[];
  close(): Promise<void>;
}

export async function startFakePlatform(): Promise<FakePlatform> {
  const tokens = new Set<string>();
  const calls: { path: string; auth: string }[] = [];

  function tokenRequest(body: Buffer) {
    const request = JSON.parse(body.toString('utf8')) as Record<string, string>;
    const expected = createHash('sha256').update(`${request['appId']}${request['timestamp']}${request['nonce']}${APP.appKey}`).digest('hex');
    const fresh = timestampFresh(String(request['timestamp']));
    if (request['appId'] !== APP.appId || request['signMethod'] !== 'SHA256' || request['signature'] !== expected || !fresh) {
      return { status: 412, json: { errCode: '1000', errInfo: fresh ? '认证失败' : 'Timestamp解析失败' } };
    }
    const accessToken = randomBytes(16).toString('hex');
    tokens.add(accessToken);
    return { status: 200, json: { errCode: '0000', errInfo: '正常', accessToken, expiresIn: 3600 } };
  }

  function businessRequest(path: string, authorization: string, body: Buffer) {
    let scheme: string;
    if (authorization.startsWith('OPEN-ACCESS-TOKEN ')) {
      const token = /^OPEN-ACCESS-TOKEN AccessToken=([0-9a-f]+)$/.exec(authorization)?.[1];
      if (!token || !tokens.has(token)) return { status: 412, json: { errCode: '1000', errInfo: '认证失败: unknown access token' } };
      scheme = 'OPEN-ACCESS-TOKEN';
    } else {
      const problem = bodySigProblem(authorization, body);
      if (problem) return { status: 412, json: { errCode: '1000', errInfo: problem } };
      scheme = 'OPEN-BODY-SIG';
    }
    const sent = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const requestTime = String(sent['requestTimestamp'] ?? '').replace(/\D/g, '');
    if (!timestampFresh(requestTime)) return { status: 200, json: { errCode: 'ABNORMAL_REQUEST_TIME', errMsg: '请求时间异常' } };
    calls.push({ path, auth: scheme });
    return {
      status: 200,
      json: {
        errCode: 'SUCCESS',
        errMsg: `verified ${scheme}`,
        responseTimestamp: beijing(Date.now()).replace(/(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1-$2-$3 $4:$5:$6'),
        mid: sent['mid'],
        tid: sent['tid'],
        instMid: sent['instMid'],
        merOrderId: sent['merOrderId'],
        status: 'TRADE_SUCCESS',
        totalAmount: '100',
      },
    };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    // Misbehaving answers for the client's guards: a redirect (to this same server, so following
    // it would succeed), and an endless-looking body past any small maxResponseBytes.
    if (path.startsWith('/redirect/')) {
      res.writeHead(307, { location: `http://${req.headers.host}${path.slice('/redirect'.length)}` }).end();
      return;
    }
    if (path.startsWith('/oversize/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < 64; i++) res.write('x'.repeat(16 * 1024));
      res.end();
      return;
    }
    let answer: { status: number; json: unknown };
    try {
      if (req.method !== 'POST') answer = { status: 405, json: { errCode: '9999', errInfo: 'POST only' } };
      else if (path === '/v1/token/access') answer = tokenRequest(body);
      else answer = businessRequest(path, req.headers.authorization ?? '', body);
    } catch {
      answer = { status: 412, json: { errCode: '9001', errInfo: '参数校验失败' } };
    }
    res.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(answer.json));
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
