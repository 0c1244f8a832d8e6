// What an operation's behaviour gets: the validated body, the caller, and the sandbox's state.
import type { OperationDescriptor } from '../../../generated/operations.js';
import type { SandboxEffects } from '../state/effects.js';
import type { SandboxStore } from '../store.js';
import type { TokenRegistry } from '../token-registry.js';

export interface BehaviourContext {
  readonly op: OperationDescriptor;
  /** The request body (for H5 pages, the OPEN-FORM-PARAM `content`), parsed and validated against the spec. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The authenticated appId (undefined for unauthenticated operations such as the token endpoint). */
  readonly appId: string | undefined;
  readonly store: SandboxStore;
  /** Pay and refund with their notifications and faults (the store alone sends nothing). */
  readonly effects: SandboxEffects;
  readonly tokens: TokenRegistry;
  readonly appKeys: ReadonlyMap<string, string>;
  readonly now: () => number;
  readonly clockToleranceMs: number;
  /** Where the sandbox serves its own pages (cashier, QR codes): the request's origin + control prefix. */
  readonly pagesBase: string;
}

/** Answers one operation; the router has already authenticated and validated the call. */
export type OperationBehaviour = (ctx: BehaviourContext) => Response | Promise<Response>;
