import { describe } from 'vitest';
import { MemoryNotificationStore } from '../../src/notifications/store.js';
import { notificationStoreContract } from './notification-store-contract.js';

describe('MemoryNotificationStore (the reference behaviour for the Redis store)', () => {
  notificationStoreContract(() => {
    let now = 1_000_000;
    const store = new MemoryNotificationStore({ now: () => now });
    return {
      store,
      expire: async (leaseMs) => {
        now += leaseMs + 1;
      },
    };
  });
});
