// What an operation's behaviour gets: the validated body, the caller, and the sandbox's state.
import type { OperationDescriptor } from '../../../generated/operations.js';
import type { SandboxStore } from '../store.js';
import type { TokenRegistry } from '../token-registry.js';

export interface BehaviourContext {
  readonly op: OperationDescriptor;
  /** The request body, parsed and validated against the spec. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The authenticated appId (undefined for unauthenticated operations such as the token endpoint). */
  readonly appId: string | undefined;
  readonly store: SandboxStore;
  readonly tokens: TokenRegistry;
  readonly appKeys: ReadonlyMap<string, string>;
  readonly now: () => number;
  readonly clockToleranceMs: number;
}

/** Answers one operation; the router has already authenticated and validated the call. */
export type OperationBehaviour = (ctx: BehaviourContext) => Response | Promise<Response>;
