// Binds the runtime contract to the built package through its own `exports` map (package
// self-reference), so every runtime loads dist/ exactly as a user's `import 'chinaums'` would.
import * as core from 'chinaums';
import * as crypto from 'chinaums/crypto';
import * as notifications from 'chinaums/notifications';
import * as validators from 'chinaums/validators';

export const sdk = { core, crypto, notifications, validators };
