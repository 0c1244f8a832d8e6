// Checks a request body with the validator generated from the spec, and words the failure as
// the platform does: `参数校验失败: <field> <what is wrong>`. Fields the pages do not list are
// answered, not refused: peers' captures show the real platform accepting them (e.g. `msgSrcId`),
// so the sandbox names them in a header instead of failing a call the platform would serve.
import type { ValidateFunction } from '../../generated/validators/types.js';
import { describeValidationErrors, validationFieldName } from '../wire/validation-message.js';

/** The response header naming request fields the spec does not list (comma-separated). */
export const UNKNOWN_FIELDS_HEADER = 'x-sandbox-unknown-fields';

export interface RequestCheck {
  /** The errInfo text to answer 9001 with, when the body is refused. */
  readonly problem: string | undefined;
  /** Fields the spec does not list (dotted), answered all the same. */
  readonly unknownFields: readonly string[];
}

export function checkRequestBody(validate: ValidateFunction, body: unknown): RequestCheck {
  if (validate(body)) return { problem: undefined, unknownFields: [] };
  const errors = validate.errors ?? [];
  const unknown = errors.filter((error) => error.keyword === 'additionalProperties');
  const refusing = errors.filter((error) => error.keyword !== 'additionalProperties');
  const unknownFields = [...new Set(unknown.map(validationFieldName))];
  if (refusing.length === 0) return { problem: undefined, unknownFields };
  const reasons = describeValidationErrors(refusing, 3);
  return { problem: `参数校验失败: ${reasons === '' ? 'the body does not match the spec' : reasons}`, unknownFields };
}
