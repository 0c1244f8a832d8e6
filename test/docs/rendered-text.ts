// Turns a dumped DOM into the text a reader sees: scripts and styles (where the embedded API
// definition lives) are dropped, so a match proves the text was rendered as markup.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function renderedMarkup(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
}

export function renderedText(html: string): string {
  return renderedMarkup(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
      return ENTITIES[code.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ');
}

/** Text inside heading elements: operation titles are rendered as headings. */
export function headingTexts(html: string): string[] {
  return [...renderedMarkup(html).matchAll(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/gi)].map((m) => renderedText(m[1] ?? '').trim());
}
