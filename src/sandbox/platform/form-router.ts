// An H5 page request: a browser GET with OPEN-FORM-PARAM query parameters (authenticate.ts checks
// them as the platform's gateway does), whose `content` is the JSON body. Gateway faults are
// applied by the router before this.
import type { OperationDescriptor } from '../../../generated/operations.js';
import { platformError } from './answers.js';
import { authenticateFormParameters, type AuthenticationContext } from './authenticate.js';
import { runBehaviour, type RunContext } from './operations/index.js';
import { checkBody, withUnknownFields } from './validate.js';

const MAX_QUERY_CHARS = 16 * 1024;

function parseContent(content: string): Readonly<Record<string, unknown>> | undefined {
  try {
    const value: unknown = JSON.parse(content);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function routeFormCall(request: Request, op: OperationDescriptor, ctx: AuthenticationContext & RunContext): Promise<Response> {
  if (request.method !== 'GET') return platformError('9001', `参数校验失败: ${op.path} is a page: the browser GETs it`, 405);
  const { search } = new URL(request.url);
  if (search.length > MAX_QUERY_CHARS) return platformError('9001', '参数校验失败: the query is too long', 414);
  const auth = authenticateFormParameters(search, ctx);
  if (!auth.ok) return auth.response;

  const body = parseContent(auth.content);
  if (!body) return platformError('9001', '参数校验失败: content is not a JSON object');
  const check = checkBody(op, body);
  if (check.invalid) return check.invalid;
  return withUnknownFields(await runBehaviour(request, op, body, auth.appId, ctx), check.unknownFields);
}
