// chinaums call: one operation against the platform (credentials from the environment) or a sandbox.
// Every operation of the generated table is callable; an H5 page prints its signed URL.
import { operationSummaries, type OperationId } from '../../../generated/operations.js';
import { ChinaUmsError } from '../../errors.js';
import { DEMO_APP } from '../../sandbox/index.js';
import { bodyFrom, parseCommandArgs } from '../args.js';
import { clientFor, clientOperations, methodOf, parseJsonBody } from '../client-from-env.js';
import type { Command } from '../command.js';
import { callErrorLine } from '../error-line.js';
import { UsageError } from '../usage-error.js';

const names = clientOperations.map((op) => op.operationId).join(', ');

const help = `Usage: chinaums call <operationId> (--body '{…}' | --body-file FILE) [--sandbox URL] [--timeout MS]
       chinaums call --list

Calls one operation and prints the JSON answer. requestTimestamp is filled in (Beijing time).
H5 pages (GET operations) are not called: their signed URL is printed, as with chinaums h5-url.
Operations: ${names}

Credentials come from the environment: CHINAUMS_APP_ID, CHINAUMS_APP_KEY and CHINAUMS_ENV
(test or production; default test). With --sandbox URL the call goes to a sandbox
(\`chinaums sandbox\`), with the sandbox's demo app unless CHINAUMS_APP_ID/KEY are set.
Errors print as one line (name, code, message) and exit 1.

  --list          print every operation: operationId, method, path, summary
  --sandbox URL   e.g. http://127.0.0.1:8080
  --timeout MS    per-attempt timeout (default 10000)`;

export const callCommand: Command = {
  name: 'call',
  summary: 'call one operation and print the JSON answer (--list: every operation)',
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
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    if (values.list) {
      for (const op of clientOperations) io.stdout(`${op.operationId.padEnd(26)}${op.method.padEnd(5)}${op.path.padEnd(36)}${operationSummaries[op.operationId as OperationId]}`);
      return 0;
    }
    const [operationId, ...extra] = positionals;
    if (operationId === undefined) throw new UsageError(`call: name an operation (${names})`);
    if (extra.length > 0) throw new UsageError(`call: unexpected argument ${extra[0]}`);
    if (!clientOperations.some((op) => op.operationId === operationId)) throw new UsageError(`call: unknown operation ${operationId} (operations: ${names})`);
    const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeoutMs !== undefined && (!Number.isInteger(timeoutMs) || timeoutMs <= 0)) throw new UsageError('call: --timeout must be a positive number of milliseconds');
    const body = parseJsonBody('call', await bodyFrom('call', values));
    const invoke = methodOf(clientFor('call', values.sandbox, io.env, timeoutMs), operationId);
    try {
      const answer = await invoke(body);
      io.stdout(typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2));
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
