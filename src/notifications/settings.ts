// The endpoint's public settings and the context its callback receives, shared by the core and
// both adapters (handler.ts for Fetch, node.ts for node:http).
import type { NotificationStore } from './store.js';
import type {
  NotificationKeyOptions,
  NotificationRejected,
  NotificationSchemaProblem,
  NotificationSignType,
  PaymentNotification,
  VerifyNotificationSettings,
} from './types.js';

export interface NotificationContext {
  /** Every received field exactly as received, including unknown ones. */
  readonly raw: Readonly<Record<string, string>>;
  /** Where the notification differs from the spec (see `NotificationVerified.problems`); also logged. */
  readonly problems: readonly NotificationSchemaProblem[];
  /** What deduplication used: `notifyId:…` normally (see `defaultDedupeKey`). */
  readonly dedupeKey: string;
  readonly signType: NotificationSignType;
  /** Which configured key verified. */
  readonly keyIndex: number;
  /** The delivery as a Web Request. The Node adapter builds it only when this is read. */
  readonly request: Request;
}

export type NotificationErrorStage = 'callback' | 'store' | 'configuration';

/** Where refusals and schema problems are reported: any console-like logger (console, pino, winston). */
export interface NotificationLogger {
  warn(message: string, fields: Record<string, unknown>): void;
}

export interface NotificationHandlerSettings extends VerifyNotificationSettings {
  /** Runs once per notification (per dedupe key). Throw (or reject) to have the platform retry. */
  onNotification(notification: PaymentNotification, context: NotificationContext): void | Promise<void>;
  /** Deduplication store; default an in-memory LRU store. `false` runs the callback on every delivery. */
  readonly store?: NotificationStore | false;
  /** How long a handled notification is remembered (default 25 h; the platform retries for 24 h). */
  readonly dedupeTtlMs?: number;
  /** How long one delivery's claim blocks concurrent duplicates (default 2 min). */
  readonly inFlightLeaseMs?: number;
  /**
   * Longest wait for one store call (default 3 s; `Infinity` waits forever). Past it the delivery
   * is answered FAILED (503) and the platform retries: a store that never answers cannot hang it.
   */
  readonly storeTimeoutMs?: number;
  /** What makes two deliveries "the same"; default `defaultDedupeKey` (notifyId, else order fields). */
  readonly dedupeKey?: (raw: Readonly<Record<string, string>>) => string;
  /**
   * Called with the callback's error (the answer is then FAILED, so the platform retries), a
   * store failure, or a setup problem. Default: console.error. Nothing passed here contains a key.
   */
  readonly onError?: (error: unknown, context: { readonly stage: NotificationErrorStage; readonly dedupeKey?: string }) => void;
  /** Called for each refused notification (bad signature, malformed…), e.g. to log or alert. */
  readonly onRejected?: (rejection: NotificationRejected, request: Request) => void;
  /**
   * Receives a warning for every refused notification and every accepted one with schema
   * problems, so neither goes unnoticed. Default `console`; `false` silences it (the hooks and
   * `context.problems` still tell). Lines carry reasons, field names and the notifyId, never a
   * key, a sign or a field's value.
   */
  readonly logger?: NotificationLogger | false;
}

export type NotificationHandlerOptions = NotificationKeyOptions & NotificationHandlerSettings;

/** The Fetch endpoint: Deno.serve, Workers, Bun, Hono, Next.js route handlers. */
export type NotificationHandler = (request: Request) => Promise<Response>;
