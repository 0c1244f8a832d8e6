export declare function describeOperations(doc: Record<string, unknown>): Array<Record<string, unknown>>;
export declare function describeNotification(doc: Record<string, unknown>): { schema: unknown; wireFormat: { integers: string[][]; jsonStrings: string[][] } };
export declare function renderOperations(doc: Record<string, unknown>, header: string): string;
export declare function jsonExamples(doc: Record<string, unknown>, holder: unknown): unknown[];
export declare function requestExamplesOf(doc: Record<string, unknown>, op: unknown, where: string): unknown[];
