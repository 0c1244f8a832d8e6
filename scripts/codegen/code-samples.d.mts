export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}
export declare function literal(value: unknown, indent?: string): string;
export declare function describeCodeSamples(doc: Record<string, unknown>): Record<string, CodeSample[]>;
export declare function renderCodeSamples(doc: Record<string, unknown>, header: string): string;
