// Types of readme-blocks.mjs for the TypeScript tests that share it.
export declare const root: string;
export declare const readmeFiles: readonly string[];
export declare function guideFiles(): string[];
export declare const subpaths: Readonly<Record<string, string>>;
export interface GuideBlock {
  /** The block's text, without its fences. */
  readonly source: string;
  readonly file: string;
  /** 1-based line of the block's first line. */
  readonly line: number;
  /** `file:line`. */
  readonly where: string;
}
export declare function extractTsBlocks(files: readonly string[]): GuideBlock[];
