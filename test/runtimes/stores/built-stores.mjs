// The shared stores from the BUILT package (self-reference through its exports map), as in built-sdk.mjs.
import * as core from 'chinaums';
import * as cloudflare from 'chinaums/cloudflare';
import * as denoKv from 'chinaums/deno-kv';
import * as notifications from 'chinaums/notifications';

export const sdk = { core, notifications };
export { cloudflare, denoKv };
