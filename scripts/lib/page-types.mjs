// The type words ChinaUMS pages use, folded to a few canonical kinds.

/** @typedef {'string' | 'number' | 'integer' | 'boolean' | 'date' | 'object' | 'array'} PageType */

/** @type {Record<string, PageType>} */
const TYPES = {
  string: 'string',
  str: 'string',
  char: 'string',
  varchar: 'string',
  number: 'number',
  double: 'number',
  float: 'number',
  decimal: 'number',
  bigdecimal: 'number',
  int: 'integer',
  integer: 'integer',
  long: 'integer',
  boolean: 'boolean',
  bool: 'boolean',
  date: 'date',
  datetime: 'date',
  object: 'object',
  map: 'object',
  json: 'object',
  jsonobject: 'object',
  array: 'array',
  list: 'array',
  jsonarray: 'array',
};

/**
 * @param {string} word the type cell as written (`string`, `Date`, `List`...)
 * @returns {PageType | null} null when the word is not a type
 */
export function pageType(word) {
  return TYPES[word.toLowerCase()] ?? null;
}
