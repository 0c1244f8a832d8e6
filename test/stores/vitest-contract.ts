// Registers each shared-state contract case (contract.ts) as a vitest test.
import { it } from 'vitest';
import type { SharedStores, StoreCase } from './contract.js';

export function describeStoreContract<S>(cases: ReadonlyArray<StoreCase<S>>, make: () => Promise<SharedStores<S>> | SharedStores<S>): void {
  for (const c of cases) it(c.name, async () => c.run(await make()));
}
