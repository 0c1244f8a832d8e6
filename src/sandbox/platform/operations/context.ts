// What an operation's behaviour gets (the validated body, the caller, the sandbox's state), how it
// reads the body, and the checks every behaviour makes (merchant, id prefix, the store's refusals).
import type { OperationDescriptor } from '../../../../generated/operations.js';
import { SandboxInputError } from '../../state/input.js';
import type { SandboxStore } from '../../state/orders.js';
import type { TokenRegistry } from '../../state/tokens.js';
import type { SandboxMerchant } from '../../types.js';
import { businessAnswer } from '../answers.js';
import type { SandboxEffects } from '../effects.js';

/** What the router hands every behaviour, whichever call it is. */
export interface BehaviourEnvironment {
  readonly store: SandboxStore;
  /** Pay and refund with their notifications and faults (the store alone sends nothing). */
  readonly effects: SandboxEffects;
  readonly tokens: TokenRegistry;
  readonly appKeys: ReadonlyMap<string, string>;
  readonly now: () => number;
  readonly clockToleranceMs: number;
}

export interface BehaviourContext extends BehaviourEnvironment {
  readonly op: OperationDescriptor;
  /** The request body (for H5 pages, the OPEN-FORM-PARAM `content`), parsed and validated against the spec. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The authenticated appId (undefined for unauthenticated operations such as the token endpoint). */
  readonly appId: string | undefined;
  /** Where the sandbox serves its own pages (cashier, QR codes): the request's origin + control prefix. */
  readonly pagesBase: string;
}

/** Answers one operation; the router has already authenticated and validated the call. */
export type OperationBehaviour = (ctx: BehaviourContext) => Response | Promise<Response>;

// Readers for a validated request body. The spec accepts amounts as numbers or numeric strings
// (the vendor's examples print `"totalAmount":"1"`), so values are read leniently here.
type Body = Readonly<Record<string, unknown>>;

/** A field as a non-empty string (numbers and booleans printed), else undefined. */
export function stringField(body: Body, name: string): string | undefined {
  const value = body[name];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** An amount in fen: a safe non-negative integer, from a number or a string of digits. */
export function fen(body: Body, name: string): number | undefined {
  const value = body[name];
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

/** `true`, or the strings `"true"` the vendor documents use for booleans. */
export function flag(body: Body, name: string): boolean {
  const value = body[name];
  return value === true || value === 'true';
}

/** `msgId` and `srcReserve` are echoed when sent (原样返回). */
export function echoed(body: Body): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of ['msgId', 'srcReserve']) if (typeof body[name] === 'string') out[name] = body[name];
  return out;
}

export type MerchantCheck = { readonly ok: true; readonly merchant: SandboxMerchant } | { readonly ok: false; readonly response: Response };

/** NO_MERCHANT for an unknown mid, or a tid the merchant does not have. */
export function checkMerchant(ctx: BehaviourContext, mid: string, tid: string | undefined): MerchantCheck {
  const merchant = ctx.store.merchant(mid);
  if (!merchant) return { ok: false, response: businessAnswer(ctx, 'NO_MERCHANT', '商户不存在', { mid, ...(tid === undefined ? {} : { tid }) }) };
  if (tid !== undefined && !merchant.tids.includes(tid)) {
    return { ok: false, response: businessAnswer(ctx, 'NO_MERCHANT', '终端号不存在', { mid, tid }) };
  }
  return { ok: true, merchant };
}

/** BAD_REQUEST unless the id starts with the merchant's 来源编号 (when the merchant has one). */
export function prefixProblem(ctx: BehaviourContext, merchant: SandboxMerchant, name: string, id: string | undefined, fields: Record<string, unknown>): Response | undefined {
  if (id === undefined || merchant.msgSrcId === undefined || id.startsWith(merchant.msgSrcId)) return undefined;
  return businessAnswer(ctx, 'BAD_REQUEST', `${name}须以来源编号${merchant.msgSrcId}开头 (must start with the merchant's msgSrcId)`, fields);
}

/** The store's refusal as the platform words it: a conflict is OPERATION_NOT_ALLOWED, bad input BAD_REQUEST. */
export function refusal(ctx: BehaviourContext, error: unknown, fields: Record<string, unknown>): Response {
  if (!(error instanceof SandboxInputError)) throw error;
  if (error.code === 'NOT_FOUND') return businessAnswer(ctx, 'NO_ORDER', '找不到请求的原始订单', fields);
  const code = error.code === 'CONFLICT' ? 'OPERATION_NOT_ALLOWED' : 'BAD_REQUEST';
  return businessAnswer(ctx, code, `${code === 'BAD_REQUEST' ? '请求报文有错' : '当前不允许此操作'}: ${error.message}`, fields);
}
