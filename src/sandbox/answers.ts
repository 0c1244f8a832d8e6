// The three kinds of answer the platform gives: the auth/gateway layer's errCode + errInfo (HTTP
// 412), a business envelope on HTTP 200, and what a gateway in front of it sends on failure.

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

/** Platform-layer codes and their standard texts (protocol.md §3). */
export const PLATFORM_INFO = {
  '0000': '正常',
  '1000': '认证失败',
  '1001': '授权失败',
  '9001': '参数校验失败',
  '9200': '系统繁忙',
  '9999': '系统错误',
} as const;

export type PlatformCode = keyof typeof PLATFORM_INFO;

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: JSON_HEADERS });
}

/** `{"errCode":"1000","errInfo":"认证失败"}` with HTTP 412, or a more precise errInfo. */
export function platformError(code: PlatformCode, errInfo: string = PLATFORM_INFO[code], status = 412): Response {
  return jsonResponse({ errCode: code, errInfo }, status);
}

/** What a load balancer answers when the platform behind it fails: HTML, not the platform's JSON. */
export function gatewayError(status: number): Response {
  const text = `<html><body><h1>${status}</h1>sandbox: injected gateway error</body></html>`;
  return new Response(text, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
