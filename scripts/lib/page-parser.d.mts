import type { LengthBound } from './length-bound.mjs';

export type PageType = 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'object' | 'array';

export interface PageField {
  name: string;
  typeWord: string;
  type: PageType;
  required: boolean | null;
  length: LengthBound | null;
  description: string;
  example: string;
  line: number;
  enumValues: string[];
  children: PageField[];
}

export interface ParsedPage {
  title: string;
  method: string | null;
  path: string | null;
  url: string | null;
  request: PageField[] | null;
  response: PageField[] | null;
}

export class PageParseError extends Error {
  reason: string;
  line: number;
  text: string;
}

export function parsePage(text: string): ParsedPage;
