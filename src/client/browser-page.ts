import type { OperationDescriptor } from '../../generated/operations.js';
import { randomNonce } from '../auth/nonce.js';
import { openFormParams } from '../auth/open-form-param.js';
import type { SigningCrypto } from '../crypto/provider.js';
import { beijingCompactTimestamp } from '../time.js';
import type { CallContext } from './context.js';
import { prepareBody } from './prepare-body.js';

export interface BrowserPageContext extends Pick<CallContext, 'baseUrl' | 'now' | 'requestValidators'> {
  readonly appId: string;
  readonly appKey: string;
  readonly crypto: SigningCrypto;
}

/**
 * The signed address of an H5 page (a `browser-redirect` operation): the browser opens it and the
 * platform answers a 302 to its cashier. Nothing is requested here: fetching it would only read
 * the cashier's HTML back. `requestTimestamp` is filled in and the content checked like a body.
 */
export async function browserPageUrl(op: OperationDescriptor, content: unknown, ctx: BrowserPageContext): Promise<string> {
  const json = prepareBody(op, content, ctx);
  const params = await openFormParams(
    { appId: ctx.appId, appKey: ctx.appKey, timestamp: beijingCompactTimestamp(ctx.now()), nonce: randomNonce(), content: json },
    ctx.crypto,
  );
  // Joined like openapi-fetch joins baseUrl and path, so a base with a path prefix works the same.
  return `${ctx.baseUrl}${op.path}?${params.toString()}`;
}
