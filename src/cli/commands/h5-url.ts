// chinaums h5-url: the signed URL of an H5 page (OPEN-FORM-PARAM), for a browser or a QR code.
// Nothing is fetched: the platform answers the URL with a 302 to its cashier.
import { ChinaUmsError } from '../../errors.js';
import { bodyFrom, parseCommandArgs } from '../args.js';
import { clientFor, methodOf, pageOperations, parseJsonBody } from '../client-from-env.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const names = pageOperations.map((op) => op.operationId).join(', ');

const help = `Usage: chinaums h5-url <operationId> (--body '{…}' | --body-file FILE) [--sandbox URL]

Prints the signed URL of an H5 payment page: authorization=OPEN-FORM-PARAM, appId, timestamp,
nonce, content (the JSON order, requestTimestamp filled in) and signature, spaces encoded as +.
Open it in a browser; the platform (or the sandbox) answers with a 302 to its cashier page.
Pages: ${names}

Credentials as for chinaums call: CHINAUMS_APP_ID, CHINAUMS_APP_KEY, CHINAUMS_ENV, or --sandbox URL
(the sandbox's demo app). The appKey is never printed: only its signature is in the URL.`;

export const h5UrlCommand: Command = {
  name: 'h5-url',
  summary: 'print the signed URL of an H5 payment page (OPEN-FORM-PARAM)',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('h5-url', {
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: {
        body: { type: 'string' },
        'body-file': { type: 'string' },
        sandbox: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const [operationId, ...extra] = positionals;
    if (operationId === undefined) throw new UsageError(`h5-url: name a page (${names})`);
    if (extra.length > 0) throw new UsageError(`h5-url: unexpected argument ${extra[0]}`);
    if (!pageOperations.some((op) => op.operationId === operationId)) throw new UsageError(`h5-url: ${operationId} is not an H5 page (pages: ${names})`);
    const body = parseJsonBody('h5-url', await bodyFrom('h5-url', values));
    const build = methodOf(clientFor('h5-url', values.sandbox, io.env), operationId);
    try {
      io.stdout(String(await build(body)));
      return 0;
    } catch (error) {
      if (error instanceof ChinaUmsError) {
        io.stderr(`${error.name} ${error.code}: ${error.message.replace(/\s+/g, ' ')}`);
        return 1;
      }
      throw error;
    }
  },
};
