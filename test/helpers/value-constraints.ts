// Every enum, length and pattern of a schema, found by walking the bundled spec (never a hand
// list), with generators of plausible values that break exactly that constraint.
import fc from 'fast-check';
import { flatten, isObject, typesOf } from '../../scripts/lib/schema-walk.mjs';
import { bundledSpec } from './spec.js';

type Json = Record<string, unknown>;

export interface ValueConstraint {
  /** Property names from the root object (no arrays). */
  readonly path: readonly string[];
  readonly kind: 'enum' | 'maxLength' | 'minLength' | 'pattern';
  readonly schema: Json;
  /** The first segment is a JSON-encoded string on the wire (`x-json-string`). */
  readonly insideJsonString: boolean;
}

const MAX_DEPTH = 4;

/** String-valued leaves with a constraint; object properties are walked, arrays are not. */
export function valueConstraints(root: unknown): ValueConstraint[] {
  const found: ValueConstraint[] = [];
  const visit = (node: unknown, path: string[], insideJsonString: boolean, depth: number) => {
    const schema = flatten(bundledSpec(), node);
    const properties = isObject(schema['properties']) ? (schema['properties'] as Record<string, unknown>) : undefined;
    if (properties && depth < MAX_DEPTH) {
      for (const [name, child] of Object.entries(properties)) {
        const flat = flatten(bundledSpec(), child);
        visit(child, [...path, name], insideJsonString || (depth === 0 && flat['x-json-string'] === true), depth + 1);
      }
      return;
    }
    const types = typesOf(schema);
    if (path.length === 0 || types.includes('integer') || types.includes('array') || schema['x-json-string'] === true) return;
    if (Array.isArray(schema['enum']) && schema['enum'].every((v) => typeof v === 'string')) found.push({ path, kind: 'enum', schema, insideJsonString });
    if (typeof schema['maxLength'] === 'number') found.push({ path, kind: 'maxLength', schema, insideJsonString });
    if (typeof schema['minLength'] === 'number' && schema['minLength'] > 1) found.push({ path, kind: 'minLength', schema, insideJsonString });
    if (typeof schema['pattern'] === 'string') found.push({ path, kind: 'pattern', schema, insideJsonString });
  };
  visit(root, [], false, 0);
  return found;
}

/** Drifted formats seen in the wild: milliseconds, ISO `T`, compact dates, other separators. */
const DRIFTED_TIMES = ['2022-06-21 17:13:04.123', '2022-06-21T17:13:04+08:00', '20220621171304', '20220621', '2022/06/21 17:13:04', '2022-6-21'];

/** Plausible values (what a platform adds or changes) that break `constraint`. */
export function breaking(constraint: ValueConstraint): fc.Arbitrary<string> {
  const { schema } = constraint;
  const pattern = typeof schema['pattern'] === 'string' ? new RegExp(schema['pattern'], 'u') : undefined;
  switch (constraint.kind) {
    case 'enum': {
      const known = schema['enum'] as string[];
      return fc.stringMatching(/^[A-Z][A-Z0-9_]{2,23}$/).filter((value) => !known.includes(value));
    }
    case 'maxLength': {
      const max = schema['maxLength'] as number;
      return fc.stringMatching(new RegExp(`^[0-9A-Za-z]{${max + 1},${max + 8}}$`));
    }
    case 'minLength': {
      const min = schema['minLength'] as number;
      return fc.stringMatching(new RegExp(`^[0-9a-f]{1,${min - 1}}$`));
    }
    case 'pattern':
      return fc.oneof(fc.constantFrom(...DRIFTED_TIMES), fc.stringMatching(/^[0-9A-Za-z :.-]{1,24}$/)).filter((value) => !pattern!.test(value));
  }
}

/** `a.b` for messages and JSON pointers. */
export function pointerOf(path: readonly string[]): string {
  return `/${path.join('/')}`;
}

/** Sets `value` at `path` in a copy of `base`, creating objects on the way. */
export function withValue(base: Readonly<Json>, path: readonly string[], value: unknown): Json {
  const copy = structuredClone(base) as Json;
  let holder = copy;
  for (const key of path.slice(0, -1)) {
    if (!isObject(holder[key])) holder[key] = {};
    holder = holder[key] as Json;
  }
  holder[path[path.length - 1]!] = value;
  return copy;
}

/** Reads `path` from a value. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}
