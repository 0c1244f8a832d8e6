// Test-side access to the bundled spec (examples, schemas), through the same bundler as generate.
import { bundleSpecSync } from '../../scripts/codegen/bundle.mjs';
import { deref } from '../../scripts/lib/schema-walk.mjs';

type Json = Record<string, unknown>;
let cached: Json | undefined;

export function bundledSpec(): Json {
  cached ??= bundleSpecSync() as Json;
  return cached;
}

interface MediaType {
  example?: unknown;
  examples?: Record<string, { value?: unknown; $ref?: string }>;
}

function resolve(node: unknown): Json {
  return deref(bundledSpec(), node);
}

/** Every example of a media type, resolved, keyed by name. */
export function examplesOf(media: unknown): Record<string, unknown> {
  const m = resolve(media) as MediaType | undefined;
  if (!m) return {};
  const out: Record<string, unknown> = {};
  if (m.example !== undefined) out['example'] = m.example;
  for (const [name, ex] of Object.entries(m.examples ?? {})) {
    const value = (resolve(ex) as { value?: unknown } | undefined)?.value;
    if (value !== undefined) out[name] = value;
  }
  return out;
}

export function operationObject(path: string): Json {
  const item = (bundledSpec()['paths'] as Json)[path] as Json;
  return (item['post'] ?? item['get']) as Json;
}

/** The examples of what the caller passes: the JSON body, or a browser page's JSON `content` parameter. */
export function requestExamples(path: string): Record<string, unknown> {
  const op = operationObject(path);
  if (op['requestBody'] === undefined) {
    const parameters = ((op['parameters'] ?? []) as unknown[]).map((p) => resolve(p));
    const content = parameters.find((p) => p['in'] === 'query' && (p['content'] as Json | undefined)?.['application/json']);
    return content ? examplesOf((content['content'] as Json)['application/json']) : {};
  }
  const body = resolve(op['requestBody']) as Json;
  return examplesOf((body['content'] as Json)['application/json']);
}

export function responseExamples(path: string, status = '200'): Record<string, unknown> {
  const op = operationObject(path);
  const response = resolve((op['responses'] as Json)[status]) as Json | undefined;
  if (!response?.['content']) return {};
  return examplesOf((response['content'] as Json)['application/json']);
}
