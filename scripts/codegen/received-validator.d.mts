export declare const RECEIVED_WRAPPER: string;
export declare function assertClassifiable(defs: Record<string, unknown>, roots: string[]): void;
