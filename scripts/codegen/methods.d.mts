export declare function renderMethods(doc: Record<string, unknown>, header: string): string;
