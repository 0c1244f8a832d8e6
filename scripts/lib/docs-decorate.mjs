// Prepares the bundled spec for rendering without touching spec/: adds the project logo and a
// generated "Authentication" section, because Redoc 3 shows security schemes only inside each
// operation and never lists them all.

import { isObject } from './schema-walk.mjs';

/** @typedef {import('./schema-walk.mjs').Json} Json */

/**
 * @param {Json} doc bundled spec (not modified)
 * @param {{ logoDataUri: string, logoAlt: string }} options
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
  };
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
    const how = s.type === 'apiKey' ? `API key in ${String(s.in)} \`${String(s.name)}\`` : s.type === 'http' ? `HTTP ${String(s.scheme)}` : String(s.type);
    out.push(`### ${name}`, '', `*${how}*`, '');
    if (typeof s.description === 'string') out.push(s.description, '');
  }
  return out.join('\n');
}
