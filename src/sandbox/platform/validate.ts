// Checks a request body with the validator generated from the spec, and words the failure as
// the platform does: `参数校验失败: <field> <what is wrong>` (9001). Fields the pages do not list are
// answered, not refused: peers' captures show the real platform accepting them (e.g. `msgSrcId`),
// so the sandbox names them in a header instead of failing a call the platform would serve.
import type { OperationDescriptor } from '../../../generated/operations.js';
import { requestValidators } from '../../../generated/validators/requests.js';
import type { ValidateFunction } from '../../../generated/validators/types.js';
import { describeValidationErrors, validationFieldName } from '../../wire/validation-message.js';
import { platformError } from './answers.js';

/** The response header naming request fields the spec does not list (comma-separated). */
const UNKNOWN_FIELDS_HEADER = 'x-sandbox-unknown-fields';

const validators: Readonly<Partial<Record<string, ValidateFunction>>> = requestValidators;

export interface BodyCheck {
  /** The 9001 answer, when the body is refused. */
  readonly invalid: Response | undefined;
  /** Fields the spec does not list (dotted), answered all the same. */
  readonly unknownFields: readonly string[];
}

/** Validates the parsed body against the operation's request schema. */
export function checkBody(op: OperationDescriptor, body: unknown): BodyCheck {
  const validate = validators[op.operationId];
  if (!validate || validate(body)) return { invalid: undefined, unknownFields: [] };
  const errors = validate.errors ?? [];
  const unknown = errors.filter((error) => error.keyword === 'additionalProperties');
  const refusing = errors.filter((error) => error.keyword !== 'additionalProperties');
  const unknownFields = [...new Set(unknown.map(validationFieldName))];
  if (refusing.length === 0) return { invalid: undefined, unknownFields };
  const reasons = describeValidationErrors(refusing, 3);
  return { invalid: platformError('9001', `参数校验失败: ${reasons === '' ? 'the body does not match the spec' : reasons}`), unknownFields };
}

/** The answer with the unknown request fields named in a header (the sandbox's report of them). */
export function withUnknownFields(answer: Response, unknownFields: readonly string[]): Response {
  if (unknownFields.length === 0) return answer;
  const headers = new Headers(answer.headers);
  headers.set(UNKNOWN_FIELDS_HEADER, unknownFields.join(','));
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers });
}
