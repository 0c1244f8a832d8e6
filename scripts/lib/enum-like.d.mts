export function isEnumLike(value: string): boolean;
export function enumFromLine(line: string): string | null;
