// Strict out, lenient in, proved over the whole spec: for every enum, length and pattern of every
// RECEIVED schema (the notification, each success answer), a plausible value that breaks it reaches
// the user unchanged with the problem listed; for every one of every SENT schema, the request
// validator refuses it. The constraints come from walking the bundled spec, never from a list.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations, type OperationDescriptor } from '../../generated/operations.js';
import { createChinaUmsClient, type ProblemsEvent } from '../../src/index.js';
import { encodeNotificationForm, signNotification, verifyNotification } from '../../src/notifications/index.js';
import { requestValidators, responseValidators } from '../../src/validators.js';
import { TEST_APP } from '../helpers/msw-platform.js';
import { VENDOR_FIELDS, VENDOR_KEY } from '../helpers/notification-fixtures.js';
import { bundledSpec, operationObject, requestExamples } from '../helpers/spec.js';
import { breaking, pointerOf, valueAt, valueConstraints, withValue, type ValueConstraint } from '../helpers/value-constraints.js';

type Json = Record<string, unknown>;
const RUNS = 4;
const label = (c: ValueConstraint) => `${c.path.join('.')} (${c.kind})`;

function schemaOfMedia(holder: unknown, media: string): unknown {
  return ((holder as Json)['content'] as Json)[media] as Json;
}

const notificationHook = ((bundledSpec()['webhooks'] as Json)['paymentNotification'] as Json)['post'] as Json;
const notificationSchema = (schemaOfMedia(notificationHook['requestBody'], 'application/x-www-form-urlencoded') as Json)['schema'];
// `sign` and `signType` are the signature protocol itself: a different signType is another algorithm, not a value.
const PROTOCOL_FIELDS = new Set(['sign', 'signType']);
const notificationConstraints = valueConstraints(notificationSchema).filter((c) => !PROTOCOL_FIELDS.has(c.path[0]!));

// Calls answer JSON; browser pages (H5) are URLs the SDK builds and never fetches.
const sdkOperations = Object.values(operations).filter((op) => op.sdkMethod && op.transport !== 'browser-redirect') as OperationDescriptor[];
const responseSchema = (op: OperationDescriptor) => {
  const post = operationObject(op.path) as Json & { responses: Json };
  return (schemaOfMedia(post.responses['200'], 'application/json') as Json)['schema'];
};
const requestSchema = (op: OperationDescriptor) => (schemaOfMedia((operationObject(op.path) as Json)['requestBody'], 'application/json') as Json)['schema'];

/** The notification's form fields with `value` at `path` (nested paths live inside a JSON-string field). */
function notificationWith(c: ValueConstraint, value: string): Record<string, string> {
  if (!c.insideJsonString) return { ...VENDOR_FIELDS, [c.path[0]!]: value };
  const nested = withValue({}, c.path.slice(1), value);
  return { ...VENDOR_FIELDS, [c.path[0]!]: JSON.stringify(nested) };
}

describe('received: the notification', () => {
  it('the walk finds the notification constraints', () => {
    expect(notificationConstraints.map(label)).toEqual(expect.arrayContaining(['status (enum)', 'mid (maxLength)', 'payTime (pattern)', 'billPayment.status (enum)']));
  });

  for (const constraint of notificationConstraints) {
    it(`${label(constraint)}: a signed value breaking it reaches the caller unchanged, listed as a problem`, async () => {
      await fc.assert(
        fc.asyncProperty(breaking(constraint), async (value) => {
          const fields = notificationWith(constraint, value);
          const body = encodeNotificationForm({ ...fields, sign: await signNotification(fields, { key: VENDOR_KEY }) });
          const result = await verifyNotification(body, { key: VENDOR_KEY });
          if (!result.ok) throw new Error(result.message);
          expect(valueAt(result.notification, constraint.path)).toBe(value);
          expect(result.raw[constraint.path[0]!]).toBe(fields[constraint.path[0]!]);
          expect(result.problems).toContainEqual(expect.objectContaining({ instancePath: pointerOf(constraint.path), keyword: constraint.kind, leftOut: false }));
        }),
        { numRuns: RUNS },
      );
    });
  }
});

// The outcome field decides success; every other documented constraint is data.
const answerConstraints = (op: OperationDescriptor) => valueConstraints(responseSchema(op)).filter((c) => c.path.join('.') !== op.result.codeField);

describe('received: success answers through a custom fetch', () => {
  it('the walk finds the answers\' constraints', () => {
    const found = sdkOperations.flatMap((op) => answerConstraints(op).map((c) => `${op.operationId} ${label(c)}`));
    expect(found).toEqual(expect.arrayContaining(['netpayQuery status (enum)', 'netpayRefundQuery refundStatus (enum)', 'billsPreauthCancel billPayment.status (enum)', 'billsPreauthCancel billStatus (enum)']));
  });

  for (const op of sdkOperations) {
    for (const constraint of answerConstraints(op)) {
      it(`${op.operationId} ${label(constraint)}: the answer is returned with the value unchanged and a problems event`, async () => {
        await fc.assert(
          fc.asyncProperty(breaking(constraint), async (value) => {
            const body = withValue({ [op.result.codeField]: op.result.success[0] }, constraint.path, value);
            const events: ProblemsEvent[] = [];
            const ums = createChinaUmsClient({
              ...TEST_APP,
              environment: 'test',
              responseValidators,
              hooks: { onProblems: (event) => events.push(event) },
              fetch: async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
            });
            const method = (ums as unknown as Record<string, (body: unknown) => Promise<unknown>>)[op.operationId]!;
            const example = Object.values(requestExamples(op.path))[0];
            const answer = await method(example);
            expect(valueAt(answer, constraint.path)).toBe(value);
            expect(events).toHaveLength(1);
            expect(events[0]!.problems).toContainEqual(expect.objectContaining({ instancePath: pointerOf(constraint.path), keyword: constraint.kind }));
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});

describe('sent: request bodies stay strict', () => {
  for (const op of sdkOperations) {
    const constraints = valueConstraints(requestSchema(op));
    const example = Object.values(requestExamples(op.path))[0] as Json;
    const validate = requestValidators[op.operationId as keyof typeof requestValidators];
    it(`${op.operationId}: the page's example passes, an unknown field does not`, () => {
      expect(validate(example)).toBe(true);
      expect(validate({ ...example, someFieldThePagesDoNotList: 'x' })).toBe(false);
    });
    for (const constraint of constraints) {
      it(`${op.operationId} ${label(constraint)}: a value breaking it is refused`, () => {
        fc.assert(
          fc.property(breaking(constraint), (value) => {
            expect(validate(withValue(example, constraint.path, value))).toBe(false);
            expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: pointerOf(constraint.path), keyword: constraint.kind }));
          }),
          { numRuns: RUNS },
        );
      });
    }
  }
});
