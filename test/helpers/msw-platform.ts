// A fake ChinaUMS for msw: checks every Authorization header with an independent implementation
// and answers with the spec's own examples, as the platform's auth layer would (412 + errInfo).
import { http, HttpResponse, type HttpHandler } from 'msw';
import { operations } from '../../generated/operations.js';
import { checkAuthorization } from './independent-signature.js';
import { responseExamples } from './spec.js';

export const TEST_APP = { appId: '10037e6f66f2d0f901672aa27d690006', appKey: '47ace12ae3b348fe93ab46cee97c6fde' } as const;
export const TEST_BASE = 'https://test-api-open.chinaums.com';

export interface RecordedRequest {
  operationId: string;
  body: string;
  authorization: string | null;
  contentType: string | null;
}

/** The example the spec gives as the operation's successful answer. */
export function successExample(operationId: keyof typeof operations): Record<string, unknown> {
  const op = operations[operationId];
  const examples = Object.values(responseExamples(op.path)) as Record<string, unknown>[];
  const success = examples.find((e) => (op.result.success as readonly string[]).includes(String(e[op.result.codeField])));
  if (!success) throw new Error(`The spec has no success example for ${operationId}`);
  return success;
}

export function platformHandlers(recorded: RecordedRequest[], base = TEST_BASE): HttpHandler[] {
  return Object.values(operations)
    .filter((op) => op.sdkMethod && op.transport === 'json')
    .map((op) =>
      http.post(`${base}${op.path}`, async ({ request }) => {
        const body = await request.text();
        const authorization = request.headers.get('authorization');
        recorded.push({ operationId: op.operationId, body, authorization, contentType: request.headers.get('content-type') });
        const problem = checkAuthorization(authorization, TEST_APP.appId, TEST_APP.appKey, body);
        if (problem) return HttpResponse.json({ errCode: '1000', errInfo: `认证失败: ${problem}` }, { status: 412 });
        return HttpResponse.json(successExample(op.operationId));
      }),
    );
}
