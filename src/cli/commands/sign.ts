// chinaums sign: shows every step of an OPEN-BODY-SIG signature, for debugging 认证失败.
import { randomNonce } from '../../auth/nonce.js';
import { explainOpenBodySignature } from '../../auth/open-body-sig.js';
import { beijingCompactTimestamp } from '../../time.js';
import { bodyFrom, flagOrEnv, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../usage-error.js';

const help = `Usage: chinaums sign --app-id ID --app-key KEY [--timestamp yyyyMMddHHmmss] [--nonce N] (--body '…' | --body-file FILE)

Prints the body digest, the string to sign, the signature and the Authorization header of an
OPEN-BODY-SIG request: compare them with what your code sends when the platform answers 认证失败.

  --app-id ID        the appId (or CHINAUMS_APP_ID)
  --app-key KEY      the appKey (or CHINAUMS_APP_KEY; the environment keeps it out of shell history)
  --timestamp T      yyyyMMddHHmmss, Beijing time (default: now, in Beijing time)
  --nonce N          default: 32 random hex characters
  --body TEXT        the exact body sent (UTF-8)
  --body-file FILE   the exact bytes sent, read from FILE (nothing is trimmed)`;

const WHITESPACE_NAMES: Readonly<Record<string, string>> = { '\n': 'a newline', '\r': 'a carriage return', '\t': 'a tab', ' ': 'a space' };

/**
 * The client refuses an appKey with whitespace around it (a classic 认证失败: a newline from an
 * env file), but this command signs exactly what it is given, so it says what it found instead.
 * Names the characters, never the key.
 */
export function whitespaceWarning(appKey: string): string | undefined {
  const leading = /^\s*/.exec(appKey)![0];
  const trailing = appKey.slice(leading.length).match(/\s*$/)![0];
  const inner = appKey.trim();
  const found = [
    ...(leading ? [`${describeWhitespace(leading)} at the start`] : []),
    ...(trailing ? [`${describeWhitespace(trailing)} at the end`] : []),
    ...(/[\r\n]/.test(inner) ? ['a line break inside'] : []),
  ];
  if (found.length === 0) return undefined;
  return `chinaums: warning: the appKey has ${found.join(', ')}. The signature below uses the key as given; the SDK client refuses such a key, and if your code sends it the platform answers 认证失败. Trim the key where it is read (env file, secret store).`;
}

function describeWhitespace(run: string): string {
  const names = [...new Set([...run].map((c) => WHITESPACE_NAMES[c] ?? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))];
  return names.join(' and ');
}

export const signCommand: Command = {
  name: 'sign',
  summary: 'explain an OPEN-BODY-SIG signature (digest, string to sign, header)',
  help,
  async run(args, io) {
    const { values } = parseCommandArgs('sign', {
      args: [...args],
      strict: true,
      options: {
        'app-id': { type: 'string' },
        'app-key': { type: 'string' },
        timestamp: { type: 'string' },
        nonce: { type: 'string' },
        body: { type: 'string' },
        'body-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const appId = flagOrEnv('sign', values['app-id'], io.env, 'app-id', 'CHINAUMS_APP_ID');
    const appKey = flagOrEnv('sign', values['app-key'], io.env, 'app-key', 'CHINAUMS_APP_KEY');
    const timestamp = values.timestamp ?? beijingCompactTimestamp(Date.now());
    if (!/^\d{14}$/.test(timestamp)) throw new UsageError('sign: --timestamp must be yyyyMMddHHmmss (14 digits, Beijing time)');
    const nonce = values.nonce ?? randomNonce();
    if (nonce === '' || nonce.length > 128) throw new UsageError('sign: --nonce must be 1..128 characters');
    const body = await bodyFrom('sign', values);
    const keyWarning = whitespaceWarning(appKey);
    if (keyWarning) io.stderr(keyWarning);

    const details = await explainOpenBodySignature({ appId, appKey, timestamp, nonce, body });
    io.stdout(`appId          ${appId}`);
    io.stdout(`timestamp      ${timestamp}`);
    io.stdout(`nonce          ${nonce}`);
    io.stdout(`body bytes     ${body.byteLength}`);
    io.stdout(`bodyDigest     ${details.bodyDigest}    (lowercase hex SHA-256 of the body bytes)`);
    io.stdout(`stringToSign   ${details.stringToSign}    (appId + timestamp + nonce + bodyDigest)`);
    io.stdout(`signature      ${details.signature}    (base64 HMAC-SHA256 with the appKey)`);
    io.stdout(`Authorization: ${details.authorization}`);
    return 0;
  },
};
