// Run as a child process by import-side-effects.test.ts. By the time this body runs, both entries
// are evaluated; it reports whether that evaluation touched Node's lazily loaded fetch stack.
import * as client from '../../src/index.js';
import * as notifications from '../../src/notifications/index.js';

const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
console.log(JSON.stringify({ exports: Object.keys(client).length + Object.keys(notifications).length, undici: loaded.some((m) => m.includes('undici')) }));
