// Checks a request body with the validator generated from the spec, and words the failure as
// the platform does: `参数校验失败: <field> <what is wrong>`.
import type { ValidateFunction, ValidationError } from '../../generated/validators/types.js';

function fieldName(error: ValidationError): string {
  const path = error.instancePath.replace(/^\//, '').split('/').join('.');
  const missing = error.params['missingProperty'];
  const extra = error.params['additionalProperty'];
  if (error.keyword === 'required' && typeof missing === 'string') return path ? `${path}.${missing}` : missing;
  if (error.keyword === 'additionalProperties' && typeof extra === 'string') return path ? `${path}.${extra}` : extra;
  return path || '(body)';
}

function describe(error: ValidationError): string {
  if (error.keyword === 'required') return `${fieldName(error)} is required (必填)`;
  if (error.keyword === 'additionalProperties') return `${fieldName(error)} is not a field of this API (不允许的字段)`;
  return `${fieldName(error)} ${error.message ?? error.keyword}`;
}

/** undefined when valid; otherwise the errInfo text to answer with. */
export function validationProblem(validate: ValidateFunction, body: unknown): string | undefined {
  if (validate(body)) return undefined;
  const errors = validate.errors ?? [];
  const reasons = errors.slice(0, 3).map(describe);
  return `参数校验失败: ${reasons.length > 0 ? reasons.join('; ') : 'the body does not match the spec'}`;
}
