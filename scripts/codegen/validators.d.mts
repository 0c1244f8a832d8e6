import type Ajv from 'ajv';

export interface ValidationRegistry {
  readonly registry: { readonly $id: string; readonly $defs: Record<string, unknown> };
  readonly extensions: ReadonlySet<string>;
  /** operationId → the ref of its request / response schema in the registry */
  readonly requests: Readonly<Record<string, string>>;
  readonly responses: Readonly<Record<string, string>>;
}
export declare function buildValidationRegistry(doc: Record<string, unknown>, options?: { compact?: boolean }): ValidationRegistry;
export declare function createAjv(registry: ValidationRegistry['registry'], extensions: ReadonlySet<string>): Ajv;
export declare function renderValidators(doc: Record<string, unknown>, header: string): Promise<Record<string, string>>;
export declare const UCS2LENGTH_ESM: string;
