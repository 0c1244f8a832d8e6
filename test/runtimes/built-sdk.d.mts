import type { Sdk } from './sdk.js';

export declare const sdk: Sdk;
