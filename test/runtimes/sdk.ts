// The shape of the SDK the contract exercises. Types come from the sources; the values are always
// the BUILT package (see built-sdk.mjs), so the contract never runs the sources.
import type * as Core from '../../src/index.js';
import type * as Crypto from '../../src/crypto/index.js';
import type * as Notifications from '../../src/notifications/index.js';
import type * as Validators from '../../src/validators.js';

export interface Sdk {
  readonly core: typeof Core;
  readonly crypto: typeof Crypto;
  readonly notifications: typeof Notifications;
  readonly validators: typeof Validators;
}
