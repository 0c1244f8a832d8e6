export declare function schemaDirections(doc: Record<string, unknown>): { sent: Set<string>; received: Set<string> };
export declare function openEnumComponents(doc: Record<string, unknown>): Set<string>;
