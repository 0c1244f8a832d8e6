export type Json = Record<string, unknown>;
export function bundleSpec(specPath: string): Promise<Json>;
