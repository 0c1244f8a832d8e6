// The client `call` and `h5-url` use: the platform with credentials from the environment, or a
// sandbox (`--sandbox URL`) with its demo app unless CHINAUMS_APP_ID/KEY are set.
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { requestValidators } from '../../generated/validators/requests.js';
import { createChinaUmsClient, type ChinaUmsClient } from '../client/create-client.js';
import { ENVIRONMENTS, type ChinaUmsEnvironment } from '../client/options.js';
import { ConfigurationError } from '../errors.js';
import { DEMO_APP } from '../sandbox/index.js';
import { UsageError } from './usage-error.js';

/** Every operation the client has a method for, from the generated table. */
export const clientOperations: readonly OperationDescriptor[] = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter(
  (op) => op.sdkMethod,
);

/** H5 pages: GETs the browser opens; their client methods build the signed URL. */
export const pageOperations: readonly OperationDescriptor[] = clientOperations.filter((op) => op.transport === 'browser-redirect');

export type OperationMethod = (body: unknown) => Promise<unknown>;

export function clientFor(command: string, sandbox: string | undefined, env: Readonly<Record<string, string | undefined>>, timeoutMs?: number): ChinaUmsClient {
  const appId = env['CHINAUMS_APP_ID'];
  const appKey = env['CHINAUMS_APP_KEY'];
  const common = { requestValidators, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  try {
    if (sandbox !== undefined) {
      return createChinaUmsClient({ appId: appId || DEMO_APP.appId, appKey: appKey || DEMO_APP.appKey, baseUrl: sandbox, ...common });
    }
    if (!appId || !appKey) throw new UsageError(`${command}: set CHINAUMS_APP_ID and CHINAUMS_APP_KEY (and CHINAUMS_ENV), or pass --sandbox URL`);
    const environment = env['CHINAUMS_ENV'] || 'test';
    if (!Object.prototype.hasOwnProperty.call(ENVIRONMENTS, environment)) throw new UsageError(`${command}: CHINAUMS_ENV must be test or production, not ${environment}`);
    return createChinaUmsClient({ appId, appKey, environment: environment as ChinaUmsEnvironment, ...common });
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(`${command}: ${error.message}`);
    throw error;
  }
}

/** The client's method for an operation (every operation in the table has one). */
export function methodOf(client: ChinaUmsClient, operationId: string): OperationMethod {
  const method = (client as unknown as Record<string, OperationMethod | undefined>)[operationId];
  if (typeof method !== 'function') throw new Error(`the client has no method ${operationId}`);
  return method.bind(client);
}

/** `--body` / `--body-file` bytes as JSON, or a usage error. */
export function parseJsonBody(command: string, bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new UsageError(`${command}: the body is not valid JSON`);
  }
}
