export declare function renderTypes(doc: Record<string, unknown>, header: string): Promise<string>;
