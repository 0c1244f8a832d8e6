// What every demo step needs: the client, the sandbox's URLs, the merchant's ids, the notification
// endpoint, and a way to print what was sent.
import type { ChinaUmsClient } from '../index.js';
import type { SandboxServer } from '../sandbox/node.js';
import type { ControlAnswer } from './control-client.js';
import type { NotificationEndpoint } from './notification-endpoint.js';
import type { Report } from './report.js';

export const NOTIFICATION_WAIT_MS = 10_000;

export interface DemoContext {
  readonly report: Report;
  readonly ums: ChinaUmsClient;
  readonly server: SandboxServer;
  readonly endpoint: NotificationEndpoint;
  readonly control: (path: string, body?: unknown) => Promise<ControlAnswer>;
  /** Prints the last request the client sent (method, path, body, Authorization). */
  readonly sent: () => void;
  readonly mid: string;
  readonly tid: string;
  readonly msgSrcId: string;
}
