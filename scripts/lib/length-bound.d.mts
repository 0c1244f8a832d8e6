export interface LengthBound {
  min: number | null;
  max: number | null;
  raw: string;
}
export function isLengthToken(token: string): boolean;
export function parseLength(token: string): LengthBound | null;
export function formatLength(bound: LengthBound | null): string;
