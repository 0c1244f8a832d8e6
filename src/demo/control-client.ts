// A small JSON client for the sandbox's control routes (they are not part of the platform).
import { DemoStepError } from './report.js';

export type ControlAnswer = Record<string, unknown>;

export function controlClient(sandboxUrl: string, prefix = '/_sandbox') {
  return async function control(path: string, body?: unknown): Promise<ControlAnswer> {
    const response = await fetch(`${sandboxUrl}${prefix}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5000),
    });
    const answer = (await response.json()) as ControlAnswer;
    if (!response.ok) {
      const error = answer['error'] as { message?: string } | undefined;
      throw new DemoStepError(`control route ${path} answered HTTP ${response.status}: ${error?.message ?? JSON.stringify(answer)}`);
    }
    return answer;
  };
}
