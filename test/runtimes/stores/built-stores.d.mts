import type * as Cloudflare from '../../../src/cloudflare/index.js';
import type * as DenoKv from '../../../src/deno-kv/index.js';
import type { FleetSdk } from './fleet.js';

export declare const sdk: FleetSdk;
export declare const cloudflare: typeof Cloudflare;
export declare const denoKv: typeof DenoKv;
