export declare const repoRoot: string;
export declare const specRoot: string;
export declare function bundleSpecSync(root?: string): Record<string, unknown>;
