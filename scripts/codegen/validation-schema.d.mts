export declare function forValidation(schema: unknown, resolve: (ref: string) => unknown, seen?: string[]): unknown;
