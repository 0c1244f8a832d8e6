import type { OperationDescriptor } from '../../generated/operations.js';
import { ConfigurationError, InvalidRequestError } from '../errors.js';
import { beijingCompactTimestamp } from '../time.js';

// ChinaUMS order numbers (merOrderId, billNo, refundOrderId) start with the merchant's 4-character
// 来源编号 (msgSrcId); the vendor recommends {msgSrcId}{yyyyMMddHHmmssSSS}{7 random digits} = 28
// characters (its text says "mmHH", a typo). WeChat QR bills need 27: the channel appends one.
const STAMP_LENGTH = 17;
const PREFIX_LENGTH = 4;
const MIN_RANDOM_DIGITS = 3;
const MAX_LENGTH = 32;
const DEFAULT_LENGTH = 28;
const MSG_SRC_ID = /^[0-9A-Za-z]{4}$/;

export interface CreateMerOrderIdOptions {
  /** Your 4-character 来源编号 (source number), assigned by ChinaUMS; every order number starts with it. */
  msgSrcId: string;
  /** Total length, 24..32 (default 28, the vendor's recommendation; use 27 for WeChat QR bills' `billNo`). */
  length?: number;
  /** Clock for the time part, ms since the epoch (default `Date.now`). */
  now?: () => number;
}

interface Sequence {
  stamp: number;
  suffix: number;
}

// Within one process every id is distinct: a call in the same millisecond as the previous one (or
// after the clock stepped back) takes the next suffix instead of a fresh random one; when the
// suffixes of a millisecond run out, the time part moves on by 1 ms. Across processes the random
// start of each millisecond keeps collisions unlikely. One sequence per random-part width.
const sequences = new Map<number, Sequence>();

/** A uniform-enough integer in [0, 10^digits): 53 random bits reduced mod 10^digits (digits ≤ 11, bias < 2e-5). */
function randomBelow(limit: number): number {
  const [hi, lo] = crypto.getRandomValues(new Uint32Array(2)) as unknown as [number, number];
  return ((hi >>> 11) * 2 ** 32 + lo) % limit;
}

/** `yyyyMMddHHmmssSSS`, Beijing time: the compact timestamp the requests carry, plus milliseconds. */
function beijingStamp(ms: number): string {
  return beijingCompactTimestamp(ms) + String(new Date(ms).getUTCMilliseconds()).padStart(3, '0');
}

function requireLength(length: unknown): number {
  if (length === undefined) return DEFAULT_LENGTH;
  const min = PREFIX_LENGTH + STAMP_LENGTH + MIN_RANDOM_DIGITS;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < min || length > MAX_LENGTH) {
    throw new ConfigurationError(`createMerOrderId: length must be an integer from ${min} to ${MAX_LENGTH}, got ${String(length)}.`, 'INVALID_OPTION');
  }
  return length;
}

/**
 * A new merchant order number: `msgSrcId` + Beijing time `yyyyMMddHHmmssSSS` + random digits
 * (from `crypto.getRandomValues`), 28 characters unless `length` says otherwise. Use it for
 * `merOrderId`, `billNo` and `refundOrderId`. Never draw a new one to retry a creation: the same
 * number is what lets the platform recognise the repeat (`DUP_ORDER`). Should the clock step back,
 * the time part keeps to the latest time used, so ids stay distinct.
 */
export function createMerOrderId(options: CreateMerOrderIdOptions): string {
  if (typeof options !== 'object' || options === null) throw new ConfigurationError('createMerOrderId needs { msgSrcId }.', 'INVALID_OPTION');
  const { msgSrcId } = options;
  if (typeof msgSrcId !== 'string' || !MSG_SRC_ID.test(msgSrcId)) {
    throw new ConfigurationError('createMerOrderId: msgSrcId must be the 4 letters or digits ChinaUMS assigned (来源编号).', 'INVALID_OPTION');
  }
  const length = requireLength(options.length);
  return nextOrderId(msgSrcId, length - PREFIX_LENGTH - STAMP_LENGTH, options.now ?? Date.now);
}

/** The next id of `digits` random digits, for a checked msgSrcId (createMerOrderId and the x-sdk-fill). */
function nextOrderId(msgSrcId: string, digits: number, clock: () => number): string {
  const limit = 10 ** digits;
  const now = clock();
  if (!Number.isFinite(now)) throw new ConfigurationError('createMerOrderId: now() must return milliseconds since the epoch.', 'INVALID_OPTION');
  const ms = Math.floor(now);
  let sequence = sequences.get(digits);
  if (sequence === undefined || ms > sequence.stamp) {
    sequence = { stamp: ms, suffix: randomBelow(limit) };
  } else if (sequence.suffix + 1 < limit) {
    sequence = { stamp: sequence.stamp, suffix: sequence.suffix + 1 };
  } else {
    sequence = { stamp: sequence.stamp + 1, suffix: randomBelow(limit) };
  }
  sequences.set(digits, sequence);
  return `${msgSrcId}${beijingStamp(sequence.stamp)}${String(sequence.suffix).padStart(digits, '0')}`;
}

/**
 * Fills the spec's `x-sdk-fill: order-id` fields the caller left out (e.g. a refund's
 * `refundOrderId`, the platform's idempotency key). It happens once, before the first attempt,
 * so every retry sends the same number and the platform refunds once.
 */
export function fillOrderIds(op: OperationDescriptor, payload: Record<string, unknown>, now: () => number): void {
  for (const fill of op.fills) {
    if (payload[fill.field] !== undefined) continue;
    const source = payload[fill.prefixFrom];
    if (typeof source !== 'string' || !/^[0-9A-Za-z]{4}/.test(source)) {
      throw new InvalidRequestError(
        `${op.operationId}: ${fill.field} was left out, so the SDK makes one from the msgSrcId that starts ${fill.prefixFrom}; ` +
          `${fill.prefixFrom} must be a string starting with those 4 letters or digits (or pass ${fill.field} yourself).`,
        { code: 'INVALID_BODY', operation: op.operationId },
      );
    }
    // The vendor's 28 characters, or fewer when the field allows fewer (never under the 3 random digits).
    const length = Math.min(DEFAULT_LENGTH, fill.maxLength ?? DEFAULT_LENGTH);
    payload[fill.field] = nextOrderId(source.slice(0, 4), Math.max(MIN_RANDOM_DIGITS, length - PREFIX_LENGTH - STAMP_LENGTH), now);
  }
}
