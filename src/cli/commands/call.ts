// chinaums call: one operation against the platform (credentials from the environment) or a sandbox.
import { operations, type OperationDescriptor } from '../../../generated/operations.js';
import { requestValidators } from '../../../generated/validators/requests.js';
import { createChinaUmsClient, type ChinaUmsClient } from '../../client.js';
import { ENVIRONMENTS, type ChinaUmsEnvironment } from '../../config.js';
import { ChinaUmsError, ConfigurationError } from '../../errors.js';
import { DEMO_APP } from '../../sandbox/defaults.js';
import { bodyFrom, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { callErrorLine } from '../error-line.js';
import { UsageError } from '../usage-error.js';

const callable = Object.values(operations as Readonly<Record<string, OperationDescriptor>>).filter((op) => op.sdkMethod);
const names = callable.map((op) => op.operationId).join(', ');

const help = `Usage: chinaums call <operationId> (--body '{…}' | --body-file FILE) [--sandbox URL] [--timeout MS]

Calls one operation and prints the JSON answer. requestTimestamp is filled in (Beijing time).
Operations: ${names}

Credentials come from the environment: CHINAUMS_APP_ID, CHINAUMS_APP_KEY and CHINAUMS_ENV
(test or production; default test). With --sandbox URL the call goes to a sandbox
(\`chinaums sandbox\`), with the sandbox's demo app unless CHINAUMS_APP_ID/KEY are set.
Errors print as one line (name, code, message) and exit 1.

  --sandbox URL   e.g. http://127.0.0.1:8080
  --timeout MS    per-attempt timeout (default 10000)`;

type Invoke = (body: unknown) => Promise<unknown>;

function clientFor(sandbox: string | undefined, env: Readonly<Record<string, string | undefined>>, timeoutMs: number | undefined): ChinaUmsClient {
  const appId = env['CHINAUMS_APP_ID'];
  const appKey = env['CHINAUMS_APP_KEY'];
  const common = { requestValidators, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  if (sandbox !== undefined) {
    return createChinaUmsClient({ appId: appId || DEMO_APP.appId, appKey: appKey || DEMO_APP.appKey, baseUrl: sandbox, ...common });
  }
  if (!appId || !appKey) throw new UsageError('call: set CHINAUMS_APP_ID and CHINAUMS_APP_KEY (and CHINAUMS_ENV), or pass --sandbox URL');
  const environment = env['CHINAUMS_ENV'] || 'test';
  if (!Object.prototype.hasOwnProperty.call(ENVIRONMENTS, environment)) throw new UsageError(`call: CHINAUMS_ENV must be test or production, not ${environment}`);
  return createChinaUmsClient({ appId, appKey, environment: environment as ChinaUmsEnvironment, ...common });
}

export const callCommand: Command = {
  name: 'call',
  summary: 'call one operation and print the JSON answer',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('call', {
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        body: { type: 'string' },
        'body-file': { type: 'string' },
        sandbox: { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const [operationId, ...extra] = positionals;
    if (operationId === undefined) throw new UsageError(`call: name an operation (${names})`);
    if (extra.length > 0) throw new UsageError(`call: unexpected argument ${extra[0]}`);
    if (!callable.some((op) => op.operationId === operationId)) throw new UsageError(`call: unknown operation ${operationId} (operations: ${names})`);
    const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs <= 0)) throw new UsageError('call: --timeout must be a positive number of milliseconds');
    const bytes = await bodyFrom('call', values);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new UsageError('call: the body is not valid JSON');
    }

    let client: ChinaUmsClient;
    try {
      client = clientFor(values.sandbox, io.env, timeoutMs);
    } catch (error) {
      if (error instanceof ConfigurationError) throw new UsageError(`call: ${error.message}`);
      throw error;
    }
    const invoke = (client as unknown as Record<string, Invoke>)[operationId]!;
    try {
      const answer = await invoke(body);
      io.stdout(JSON.stringify(answer, null, 2));
      return 0;
    } catch (error) {
      if (error instanceof ChinaUmsError) {
        const ownCredentials = (io.env['CHINAUMS_APP_ID'] || DEMO_APP.appId) !== DEMO_APP.appId || (io.env['CHINAUMS_APP_KEY'] || DEMO_APP.appKey) !== DEMO_APP.appKey;
        io.stderr(callErrorLine(error, { sandbox: values.sandbox, ownCredentials }));
        return 1;
      }
      throw error;
    }
  },
};
