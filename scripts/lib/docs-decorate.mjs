// Prepares the bundled spec for rendering without touching spec/: adds the project logo, a
// generated "Authentication" section (Redoc 3 shows security schemes only inside each operation
// and never lists them all), the SDK call per operation (x-codeSamples, from
// generated/code-samples.mjs), server descriptions as plain text (Redoc prints them verbatim),
// and security schemes labelled for what they are rather than "API key".

import { isObject } from './schema-walk.mjs';

/** @typedef {import('./schema-walk.mjs').Json} Json */

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * @param {Json} doc bundled spec (not modified)
 * @param {{ logoDataUri: string, logoAlt: string, codeSamples?: Record<string, Json[]> }} options
 * @returns {Json}
 */
export function decorateForDocs(doc, options) {
  const info = isObject(doc.info) ? doc.info : {};
  const description = typeof info.description === 'string' ? info.description : '';
  return {
    ...doc,
    info: {
      ...info,
      description: `${description}\n\n${authenticationSection(doc)}`.trim(),
      'x-logo': isObject(info['x-logo']) ? info['x-logo'] : { url: options.logoDataUri, altText: options.logoAlt },
    },
    ...(Array.isArray(doc.servers) ? { servers: doc.servers.map(plainServer) } : {}),
    ...(isObject(doc.paths) ? { paths: withCodeSamples(doc.paths, options.codeSamples ?? {}) } : {}),
    ...(isObject(doc.components) ? { components: labelledSchemes(doc.components) } : {}),
  };
}

/** Markdown emphasis and code marks removed: Redoc renders a server description as plain text. */
export function plainText(markdown) {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\s+/g, ' ').trim();
}

function plainServer(server) {
  return isObject(server) && typeof server.description === 'string' ? { ...server, description: plainText(server.description) } : server;
}

/** @param {Json} paths @param {Record<string, Json[]>} samples */
function withCodeSamples(paths, samples) {
  return Object.fromEntries(
    Object.entries(paths).map(([path, item]) => {
      if (!isObject(item)) return [path, item];
      const decorated = { ...item };
      for (const method of METHODS) {
        const op = item[method];
        const sample = isObject(op) && typeof op.operationId === 'string' ? samples[op.operationId] : undefined;
        if (sample && op['x-codeSamples'] === undefined) decorated[method] = { ...op, 'x-codeSamples': sample };
      }
      return [path, decorated];
    }),
  );
}

/**
 * Redoc words an `apiKey` scheme as an API key. Ours are a signature and a token that share the
 * Authorization header; shown as HTTP schemes named by their Authorization prefix, with the
 * spec's `x-summary` leading the description, they read as what they are.
 */
function labelledSchemes(components) {
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : undefined;
  if (!schemes) return components;
  const out = {};
  for (const [name, scheme] of Object.entries(schemes)) {
    if (!isObject(scheme) || typeof scheme['x-summary'] !== 'string') {
      out[name] = scheme;
      continue;
    }
    const prefix = /\((OPEN-[A-Z-]+)\)/.exec(scheme['x-summary'])?.[1];
    const { in: _in, name: _name, ...rest } = scheme;
    out[name] = {
      ...rest,
      ...(prefix ? { type: 'http', scheme: prefix } : {}),
      description: `**${scheme['x-summary']}.**\n\n${typeof scheme.description === 'string' ? scheme.description : ''}`.trim(),
    };
  }
  return { ...components, securitySchemes: out };
}

/**
 * @param {Json} doc
 * @returns {string} markdown listing every security scheme, in spec order
 */
export function authenticationSection(doc) {
  const components = isObject(doc.components) ? doc.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const names = Object.keys(schemes);
  if (names.length === 0) return '';
  const out = ['## Authentication', '', 'Security schemes of this API:', ''];
  for (const name of names) {
    const s = isObject(schemes[name]) ? schemes[name] : {};
    const how =
      typeof s['x-summary'] === 'string'
        ? s['x-summary']
        : s.type === 'apiKey'
          ? `API key in ${String(s.in)} \`${String(s.name)}\``
          : s.type === 'http'
            ? `HTTP ${String(s.scheme)}`
            : String(s.type);
    out.push(`### ${name}`, '', `*${how}*`, '');
    if (typeof s.description === 'string') out.push(s.description, '');
  }
  return out.join('\n');
}
