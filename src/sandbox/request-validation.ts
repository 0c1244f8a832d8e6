// Checks a request body with the validator generated from the spec, and words the failure as
// the platform does: `参数校验失败: <field> <what is wrong>`.
import type { ValidateFunction } from '../../generated/validators/types.js';
import { describeValidationErrors } from '../validation-message.js';

/** undefined when valid; otherwise the errInfo text to answer with. */
export function validationProblem(validate: ValidateFunction, body: unknown): string | undefined {
  if (validate(body)) return undefined;
  const errors = validate.errors ?? [];
  const reasons = describeValidationErrors(errors, 3);
  return `参数校验失败: ${reasons === '' ? 'the body does not match the spec' : reasons}`;
}
