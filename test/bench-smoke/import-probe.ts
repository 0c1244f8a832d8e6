// Run as a child process by import-side-effects.test.ts. By the time this body runs, the portable
// and the Node entries are evaluated; it reports whether that evaluation touched Node's lazily
// loaded fetch stack or node:crypto (the Node entries load it on first use, not at import).
import * as client from '../../src/index.js';
import * as clientNode from '../../src/index.node.js';
import * as notifications from '../../src/notifications/index.js';
import * as notificationsNode from '../../src/notifications/index.node.js';

const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
const exports = [client, clientNode, notifications, notificationsNode].reduce((sum, entry) => sum + Object.keys(entry).length, 0);
console.log(JSON.stringify({ exports, undici: loaded.some((m) => m.includes('undici')), nodeCrypto: loaded.includes('NativeModule crypto') }));
