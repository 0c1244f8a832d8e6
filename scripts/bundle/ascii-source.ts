// Built files must be ASCII: one non-ASCII character makes Node decode the whole file from UTF-8
// and V8 scan it as two-byte source, which cost ~7 % of a cold `import('chinaums')` (the client
// file had three curly quotes in openapi-fetch's comments and one regex of ours). esbuild's
// default charset already escapes strings, templates and identifiers; it leaves comments and
// regular expressions as written, where `\uXXXX` means the same character.

/**
 * The code with every non-ASCII character written as `\uXXXX` (astral ones as their surrogate
 * pair, which a regular expression reads as the same code point with or without the `u` flag).
 * Throws where the escape would change the meaning: right after a backslash (`\时` is an identity
 * escape; `\\u65F6` would be a backslash and text).
 */
export function escapeNonAscii(code: string, file: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < code.length; i++) {
    const unit = code.charCodeAt(i);
    if (unit < 0x80) continue;
    if (code[i - 1] === '\\') throw new Error(`${file}: a non-ASCII character right after a backslash (offset ${i}) cannot be escaped safely; write it as \\uXXXX in the source`);
    out += `${code.slice(last, i)}\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;
    last = i + 1;
  }
  return last === 0 ? code : out + code.slice(last);
}
