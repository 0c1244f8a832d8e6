// One wording for schema failures, used by the client (bad request bodies), the received-data
// reader (answers and notifications: wire/received.ts) and the sandbox: it names the field,
// including the one that is missing or unknown, then says what is wrong with it.
import type { ValidationError } from '../../generated/validators/types.js';

/** `billPayment.totalAmount`-style name of the field an error is about. */
export function validationFieldName(error: ValidationError): string {
  const path = error.instancePath.replace(/^\//, '').split('/').join('.');
  const missing = error.params['missingProperty'];
  const extra = error.params['additionalProperty'];
  if (error.keyword === 'required' && typeof missing === 'string') return path ? `${path}.${missing}` : missing;
  if (error.keyword === 'additionalProperties' && typeof extra === 'string') return path ? `${path}.${extra}` : extra;
  return path || '(body)';
}

/** What is wrong with the field (the text after its name): `is required`, `is not one of the documented values (…)`, … */
export function describeSchemaProblem(error: ValidationError): string {
  const allowed = error.params['allowedValues'];
  // An empty value in an enum means "may be absent": not worth listing.
  if (error.keyword === 'enum' && Array.isArray(allowed)) return `is not one of the documented values (${allowed.filter((value) => value !== '').map(String).join(', ')})`;
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not a field of this API';
  return error.message ?? error.keyword;
}

/** One readable line per error: `mid is required`, `merOrderID is not a field of this API`, … */
export function describeValidationError(error: ValidationError): string {
  return `${validationFieldName(error)} ${describeSchemaProblem(error)}`;
}

/**
 * The first `limit` distinct lines for a failed validation, joined with `; `. Distinct because
 * ajv reports one failure once per schema that checks it (a `$ref`'d field type and the field's
 * own `type`), which would print `mid must be string; mid must be string`.
 */
export function describeValidationErrors(errors: readonly ValidationError[], limit: number): string {
  return [...new Set(errors.map(describeValidationError))].slice(0, limit).join('; ');
}
