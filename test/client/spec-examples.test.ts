import { describe, expect, it } from 'vitest';
import { operations } from '../../generated/operations.js';
import { requestValidators } from '../../generated/validators/requests.js';
import { responseValidators } from '../../generated/validators/responses.js';
import { validatePaymentNotification } from '../../generated/validators/payment-notification.js';
import { bundledSpec, examplesOf, requestExamples, responseExamples } from '../helpers/spec.js';

// The vendor's printed examples (and the illustrative ones) must pass the schemas generated
// from the same spec: requests strictly, answers and notifications as the SDK hands them.
const sdkOperations = Object.values(operations).filter((op) => op.sdkMethod);

describe('every example in the spec validates against its own schema', () => {
  it.each(sdkOperations.map((op) => op.operationId))('%s', (operationId) => {
    const op = operations[operationId as keyof typeof operations];
    const requests = Object.entries(requestExamples(op.path));
    expect(requests.length, `${operationId} has a request example`).toBeGreaterThan(0);
    const validateRequest = requestValidators[operationId as keyof typeof requestValidators];
    for (const [name, example] of requests) {
      expect(validateRequest(example), `${operationId} request example ${name}: ${JSON.stringify(validateRequest.errors)}`).toBe(true);
    }
    if (op.transport !== 'json') return;
    const validateResponse = responseValidators[operationId as keyof typeof responseValidators];
    const answers = Object.entries(responseExamples(op.path));
    expect(answers.length, `${operationId} has a response example`).toBeGreaterThan(0);
    for (const [name, example] of answers) {
      expect(validateResponse(example), `${operationId} response example ${name}: ${JSON.stringify(validateResponse.errors)}`).toBe(true);
    }
  });

  it('the notification examples, order and bill kinds', () => {
    const hook = ((bundledSpec()['webhooks'] as Record<string, Record<string, Record<string, unknown>>>)['paymentNotification']!['post']!['requestBody']) as {
      content: Record<string, unknown>;
    };
    const examples = examplesOf(hook.content['application/x-www-form-urlencoded']);
    expect(Object.keys(examples)).toEqual(expect.arrayContaining(['vendorSample', 'vendorBillSample']));
    for (const [name, example] of Object.entries(examples)) {
      expect(validatePaymentNotification(example), `${name}: ${JSON.stringify(validatePaymentNotification.errors)}`).toBe(true);
    }
  });

  it('the request schemas are strict: a misspelt field of a vendor example is refused (the check can fail)', () => {
    const example = Object.values(requestExamples(operations.netpayWxUnifiedOrder.path))[0] as Record<string, unknown>;
    const { subOpenId, ...rest } = example;
    expect(requestValidators.netpayWxUnifiedOrder({ ...rest, subopenId: subOpenId })).toBe(false);
  });
});
