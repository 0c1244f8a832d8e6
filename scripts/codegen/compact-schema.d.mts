export declare const MIN_GROUP: number;
export declare function compactDefs(defs: Record<string, unknown>): Record<string, unknown>;
