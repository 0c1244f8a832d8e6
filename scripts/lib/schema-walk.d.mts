export type Json = Record<string, unknown>;
export function isObject(value: unknown): value is Json;
export function deref(doc: Json, node: unknown): Json;
export function flatten(doc: Json, node: unknown, depth?: number): Json;
export function typesOf(schema: Json): string[];
