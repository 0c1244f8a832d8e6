import { operations } from '../../generated/operations.js';
import { execute, type CallContext } from '../call.js';
import type { SigningCrypto } from '../crypto/provider.js';
import { ResponseParseError } from '../errors.js';
import { redactAccessTokenBody } from '../observability.js';
import { beijingCompactTimestamp } from '../time.js';
import { createAccessTokenRequest } from './access-token-request.js';
import { randomNonce } from './nonce.js';
import type { FetchedAccessToken } from './token-cache.js';

export interface AccessTokenCredentials {
  readonly appId: string;
  readonly appKey: string;
  readonly crypto: SigningCrypto;
}

const TOKEN_TEXT = /^[\x21-\x7e]{1,512}$/;

/**
 * Calls the spec's token operation (path, result rule and retry-safety from the generated
 * table) with the client's timeouts and retries. Each attempt signs a fresh timestamp and nonce.
 */
export async function fetchAccessToken(ctx: CallContext, credentials: AccessTokenCredentials): Promise<FetchedAccessToken> {
  const op = operations.accessToken;
  const body = async () =>
    JSON.stringify(
      await createAccessTokenRequest(
        { appId: credentials.appId, appKey: credentials.appKey, timestamp: beijingCompactTimestamp(ctx.now()), nonce: randomNonce() },
        credentials.crypto,
      ),
    );
  const { data, status, attempts } = await execute(op, { body, redactBody: redactAccessTokenBody }, ctx);
  const accessToken = data['accessToken'];
  const expiresIn = data['expiresIn'];
  const problem =
    typeof accessToken !== 'string' || !TOKEN_TEXT.test(accessToken)
      ? 'no usable accessToken'
      : typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0
        ? 'no positive expiresIn'
        : undefined;
  if (problem !== undefined) {
    throw new ResponseParseError(`${op.operationId}: the platform reported success (errCode 0000) but sent ${problem}.`, {
      code: 'INVALID_FIELD',
      operation: op.operationId,
      status,
      attempts,
    });
  }
  return { accessToken: accessToken as string, expiresInSeconds: expiresIn as number };
}
