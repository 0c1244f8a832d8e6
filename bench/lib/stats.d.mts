// Types of stats.mjs for the TypeScript tests that share it.
export interface Summary {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly n: number;
}
export declare function quantile(sorted: readonly number[], q: number): number;
export declare function summarize(values: readonly number[]): Summary;
export declare function ratioSummary(samples: readonly number[], baseline: readonly number[]): Summary;

/** One case of one in-process run, with its raw rounds (what poolRuns reads). */
export interface InProcessResult {
  readonly id: string;
  readonly isBaseline: boolean;
  readonly ratio?: Summary;
  readonly rounds: { readonly times: readonly number[]; readonly ratios?: readonly number[] };
  readonly [key: string]: unknown;
}
export interface InProcessRun {
  readonly seconds: number;
  readonly floorHash: { readonly MD5: string; readonly SHA256: string };
  readonly results: readonly InProcessResult[];
  readonly [key: string]: unknown;
}
export interface PooledResult extends InProcessResult {
  readonly median: number;
  readonly p25: number;
  readonly p75: number;
  readonly n: number;
  readonly perProcess?: ReadonlyArray<number | undefined>;
}
export interface PooledRun extends InProcessRun {
  readonly results: readonly PooledResult[];
  readonly processes?: number;
}
export declare function poolRuns<T extends InProcessRun>(runs: readonly T[]): T | PooledRun;
