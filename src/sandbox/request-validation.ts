// Checks a request body with the validator generated from the spec, and words the failure as
// the platform does: `参数校验失败: <field> <what is wrong>`.
import type { ValidateFunction } from '../../generated/validators/types.js';
import { describeValidationError } from '../validation-message.js';

/** undefined when valid; otherwise the errInfo text to answer with. */
export function validationProblem(validate: ValidateFunction, body: unknown): string | undefined {
  if (validate(body)) return undefined;
  const errors = validate.errors ?? [];
  const reasons = errors.slice(0, 3).map(describeValidationError);
  return `参数校验失败: ${reasons.length > 0 ? reasons.join('; ') : 'the body does not match the spec'}`;
}
