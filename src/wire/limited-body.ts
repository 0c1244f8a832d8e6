// Reads a Request's or Response's body without ever holding more than the limit: the size is
// checked per chunk while streaming, so a peer that lies about (or omits) Content-Length cannot
// exhaust memory. Shared by notification parsing (requests) and the client (responses).

export type BodyReadOutcome =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly problem: 'too-large' | 'unreadable' };

/** What both Request and Response offer. */
export type ReadableMessage = Pick<Request, 'headers' | 'body' | 'bodyUsed'>;

function declaredLength(message: ReadableMessage): number | undefined {
  const header = message.headers.get('content-length');
  if (header === null || !/^\d{1,16}$/.test(header.trim())) return undefined;
  return Number(header.trim());
}

/** The chunks as one view (the chunk itself when there is one). Also used by the Node notification adapter. */
export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === total) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export async function readBodyWithLimit(message: ReadableMessage, maxBytes: number): Promise<BodyReadOutcome> {
  const declared = declaredLength(message);
  if (declared !== undefined && declared > maxBytes) return { ok: false, problem: 'too-large' };
  if (message.bodyUsed) return { ok: false, problem: 'unreadable' };
  if (message.body === null) return { ok: true, bytes: new Uint8Array(0) };
  return readStreamWithLimit(message.body, maxBytes);
}

/** Reads a body stream to its end, or cancels it as soon as it passes `maxBytes`. */
export async function readStreamWithLimit(stream: ReadableStream<Uint8Array>, maxBytes: number): Promise<BodyReadOutcome> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    // Ends when the stream ends or the limit is passed; each iteration consumes one chunk.
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'too-large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, problem: 'unreadable' };
  } finally {
    reader.releaseLock();
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/** The declared Content-Length is already past the limit: refuse before reading a byte. */
export function declaresMoreThan(message: ReadableMessage, maxBytes: number): boolean {
  const declared = declaredLength(message);
  return declared !== undefined && declared > maxBytes;
}
