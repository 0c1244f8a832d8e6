// A sandbox plus a client wired to it through `fetch` (no port), and a check that every answer the
// sandbox gives validates against the spec's generated response validators.
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { responseValidators } from '../../generated/validators/responses.js';
import type { ValidateFunction } from '../../generated/validators/types.js';
import { createChinaUmsClient } from '../../src/index.js';
import { createSandbox, DEMO_APP, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';

export const SANDBOX_BASE = 'http://sandbox.test';
const validators: Readonly<Record<string, ValidateFunction>> = responseValidators;
const byPath = new Map<string, OperationDescriptor>(Object.values(operations as Record<string, OperationDescriptor>).map((op) => [op.path, op]));

export interface CheckedAnswer {
  readonly operationId: string;
  readonly status: number;
  readonly body: unknown;
  readonly problems: string | undefined;
}

/** Validates a business answer (HTTP 200) against its operation's response schema. */
export function checkAnswer(operationId: string, status: number, text: string): CheckedAnswer {
  const body: unknown = JSON.parse(text);
  const validate = validators[operationId];
  const ok = validate ? validate(body) : false;
  const problems = ok ? undefined : JSON.stringify(validate?.errors ?? 'no validator');
  return { operationId, status, body, problems };
}

export function sandboxWithClient(options: SandboxOptions = {}, clientOverrides: { now?: () => number; appKey?: string } = {}) {
  const sandbox: Sandbox = createSandbox(options);
  const answers: CheckedAnswer[] = [];
  const recordingFetch = async (request: Request): Promise<Response> => {
    const response = await sandbox.fetch(request);
    const op = byPath.get(new URL(request.url).pathname);
    if (op && response.status === 200) answers.push(checkAnswer(op.operationId, response.status, await response.clone().text()));
    return response;
  };
  const client = createChinaUmsClient({
    appId: DEMO_APP.appId,
    appKey: clientOverrides.appKey ?? DEMO_APP.appKey,
    baseUrl: SANDBOX_BASE,
    fetch: recordingFetch,
    ...(clientOverrides.now ? { now: clientOverrides.now } : {}),
  });
  return { sandbox, client, answers, fetch: recordingFetch };
}
