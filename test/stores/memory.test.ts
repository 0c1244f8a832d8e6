// The memory stores pass the shared contract (the reference the shared stores are held to).
import { describe } from 'vitest';
import { MemoryAccessTokenStore } from '../../src/auth/access-token/store.js';
import { MemoryNotificationStore } from '../../src/notifications/store.js';
import { accessTokenStoreCases, notificationStoreCases } from './contract.js';
import { describeStoreContract } from './vitest-contract.js';

function fakeClock() {
  let now = 1_700_000_000_000;
  return { now: () => now, expire: async (ms: number) => void (now += ms + 1) };
}

describe('MemoryAccessTokenStore: the shared-state contract', () => {
  describeStoreContract(accessTokenStoreCases, () => {
    const clock = fakeClock();
    const store = new MemoryAccessTokenStore({ now: clock.now });
    return { first: store, second: store, ...clock };
  });
});

describe('MemoryNotificationStore: the shared-state contract', () => {
  describeStoreContract(notificationStoreCases, () => {
    const clock = fakeClock();
    const store = new MemoryNotificationStore({ now: clock.now });
    return { first: store, second: store, ...clock };
  });
});
