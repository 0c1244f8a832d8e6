// The one error a page parse raises: it names the line that stopped it, so a maintainer can
// open the saved page at that line.

export class PageParseError extends Error {
  /**
   * @param {string} reason
   * @param {{ no: number, text: string } | undefined} line
   */
  constructor(reason, line) {
    const where = line ? `line ${line.no}: ${reason}\n  ${line.no} | ${line.text.trim()}` : reason;
    super(where);
    this.name = 'PageParseError';
    this.reason = reason;
    this.line = line ? line.no : 0;
    this.text = line ? line.text.trim() : '';
  }
}
