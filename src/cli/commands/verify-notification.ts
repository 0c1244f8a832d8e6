// chinaums verify-notification: checks a raw notification body and shows the string that was signed.
import { nodeCrypto } from '../../crypto/node.js';
import { DEFAULT_INPUT_LIMITS, parseNotificationInput } from '../../notifications/input.js';
import { hasEmptyValue, joinFields } from '../../notifications/string-to-sign.js';
import { verifyNotification } from '../../notifications/verify.js';
import { describeReceivedProblems } from '../../wire/received.js';
import { flagOrEnv, parseCommandArgs, readInputFile, withoutTrailingNewline } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const help = `Usage: chinaums verify-notification --key MD5KEY [FILE]

Reads a raw payment notification body (form-urlencoded, or JSON) from FILE or stdin, verifies its
sign over every received field, and prints the verdict, the reason and the string that was hashed
(with the key shown as <md5Key>). One trailing newline (from saving the body to a file) is ignored.
Exit status: 0 verified, 1 rejected, 2 usage error.

  --key KEY   the communication key, 通讯密钥 (or CHINAUMS_NOTIFY_KEY; CHINAUMS_MD5_KEY is read too)`;

export const verifyNotificationCommand: Command = {
  name: 'verify-notification',
  summary: 'verify a payment notification body and show what was signed',
  help,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('verify-notification', {
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: { key: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const key = flagOrEnv('verify-notification', values.key, io.env, 'key', 'CHINAUMS_NOTIFY_KEY', 'CHINAUMS_MD5_KEY');
    if (positionals.length > 1) throw new UsageError('verify-notification: pass at most one FILE');
    const [file] = positionals;
    if (file === undefined && io.stdinIsTerminal) throw new UsageError('verify-notification: pass FILE, or pipe the body on stdin');
    const bytes = withoutTrailingNewline(file === undefined ? await io.readStdin() : await readInputFile(file));

    const result = await verifyNotification(bytes, { key, crypto: nodeCrypto });
    const parsed = await parseNotificationInput(bytes, DEFAULT_INPUT_LIMITS);
    if (result.ok) {
      io.stdout(`verdict   VERIFIED (${result.signType}${result.raw['notifyId'] ? `, notifyId ${result.raw['notifyId']}` : ''})`);
      io.stdout('reason    the sign matches the fields and the key');
      // Genuine all the same: the handlers would run the callback and answer SUCCESS.
      if (result.problems.length > 0) io.stdout(`problems  ${describeReceivedProblems(result.problems, 10)}`);
    } else {
      io.stdout('verdict   REJECTED');
      io.stdout(`reason    ${result.reason}: ${result.message}`);
    }
    if (parsed.ok) {
      const { fields } = parsed.parsed;
      io.stdout(`signed    ${joinFields(fields, 'omit')}<md5Key>`);
      // Peers disagree on empty values (protocol.md §4); the verifier accepts either form.
      if (hasEmptyValue(fields)) io.stdout(`or        ${joinFields(fields, 'include')}<md5Key>    (empty values kept)`);
    }
    return result.ok ? 0 : 1;
  },
};
