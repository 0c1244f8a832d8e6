// What the rendered reference must show, read from the bundled spec (never hard-coded).
import { bundleSpec, type Json } from '../../scripts/lib/bundle-spec.mjs';
import { deref, isObject } from '../../scripts/lib/schema-walk.mjs';

export interface DocumentedOperation {
  label: string; // `POST /v1/netpay/query` or `webhook paymentNotification`
  summary: string;
  example: string | null; // a distinctive value from its first example
}

export interface SpecOutline {
  operations: DocumentedOperation[];
  webhooks: DocumentedOperation[];
  securitySchemes: string[];
  servers: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function stringLeaves(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 8) return out;
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringLeaves(v, out, depth + 1);
  else if (isObject(value)) for (const v of Object.values(value)) stringLeaves(v, out, depth + 1);
  return out;
}

/** The longest plain-ASCII string in the operation's first example: easy to find in the page. */
function distinctiveExample(doc: Json, op: Json): string | null {
  const holders = [op.requestBody, isObject(op.responses) ? op.responses['200'] : undefined].map((h) => deref(doc, h));
  for (const holder of holders) {
    if (!isObject(holder.content)) continue;
    for (const raw of Object.values(holder.content)) {
      const media = deref(doc, raw);
      const first = isObject(media.examples) ? deref(doc, Object.values(media.examples)[0]) : {};
      const value = first.value ?? media.example;
      const leaves = stringLeaves(value).filter((s) => /^[\w.:@-]{6,}$/.test(s));
      leaves.sort((a, b) => b.length - a.length);
      if (leaves[0]) return leaves[0];
    }
  }
  return null;
}

function describe(doc: Json, label: string, op: Json): DocumentedOperation {
  const summary = typeof op.summary === 'string' ? op.summary : '';
  return { label, summary, example: distinctiveExample(doc, op) };
}

export async function readSpecOutline(specPath: string): Promise<SpecOutline> {
  const doc = await bundleSpec(specPath);
  const operations: DocumentedOperation[] = [];
  for (const [path, raw] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const item = deref(doc, raw);
    for (const m of METHODS) if (item[m] !== undefined) operations.push(describe(doc, `${m.toUpperCase()} ${path}`, deref(doc, item[m])));
  }
  const webhooks: DocumentedOperation[] = [];
  for (const [name, raw] of Object.entries(isObject(doc.webhooks) ? doc.webhooks : {})) {
    const item = deref(doc, raw);
    for (const m of METHODS) if (item[m] !== undefined) webhooks.push(describe(doc, `webhook ${name}`, deref(doc, item[m])));
  }
  const components = isObject(doc.components) ? doc.components : {};
  const securitySchemes = Object.keys(isObject(components.securitySchemes) ? components.securitySchemes : {});
  const servers = (Array.isArray(doc.servers) ? doc.servers : []).flatMap((s) => (isObject(s) && typeof s.url === 'string' ? [s.url] : []));
  return { operations, webhooks, securitySchemes, servers };
}
