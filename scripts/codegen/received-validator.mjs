// How a validator of RECEIVED data (responses, the notification) reads ajv's errors: a wrong JSON
// type or a missing required field fails it (`errors`); every other keyword (enum, const, lengths,
// pattern, ranges, unknown fields) describes what the pages document and only reports (`problems`).
// That split is exact only while each error stands for itself, so unions and conditionals, whose
// branch errors ajv reports next to the union's own, stop the generator.

const BRANCHING = new Set(['anyOf', 'oneOf', 'not', 'if', 'then', 'else']);

/** The wrapper emitted into each received validators module (plain JS, no imports). */
export const RECEIVED_WRAPPER = `
const FAILING_KEYWORDS = new Set(['type', 'required']);
function received(known) {
  function validate(data) {
    if (known(data)) {
      validate.errors = null;
      validate.problems = null;
      return true;
    }
    const all = known.errors || [];
    const errors = all.filter((error) => FAILING_KEYWORDS.has(error.keyword));
    const problems = all.filter((error) => !FAILING_KEYWORDS.has(error.keyword));
    validate.errors = errors.length > 0 ? errors : null;
    validate.problems = problems.length > 0 ? problems : null;
    return errors.length === 0;
  }
  validate.errors = null;
  validate.problems = null;
  return validate;
}
`;

/**
 * @param {Record<string, unknown>} defs validation schemas by name (refs `#/$defs/X`)
 * @param {string[]} roots the received ones
 */
export function assertClassifiable(defs, roots) {
  const seen = new Set();
  const visit = (node, where) => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, where));
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (BRANCHING.has(key)) {
        throw new Error(`${where}: a received schema uses \`${key}\`, which the lenient validators cannot classify; write it as one schema (see scripts/codegen/received-validator.mjs).`);
      }
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/')) {
        const name = value.slice('#/$defs/'.length);
        if (!seen.has(name)) {
          seen.add(name);
          visit(defs[name], name);
        }
      } else if (key !== 'enum' && key !== 'const') {
        visit(value, where);
      }
    }
  };
  for (const root of roots) visit(defs[root], root);
}
