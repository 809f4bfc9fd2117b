import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../adapters/store/create-store.js';
import { createMemoryStore, type MemoryRecord } from '../../adapters/store/memory-store.js';
import { describeStoreContract } from './store-contract.js';

const MAP_METHODS = ['get', 'set', 'delete', 'has', 'clear'] as const;

/** A memory store cannot fail by itself; its outage is its Map throwing on every call. */
function breakMap(map: Map<string, MemoryRecord>): void {
  for (const method of MAP_METHODS) {
    Object.defineProperty(map, method, {
      configurable: true,
      value: () => {
        throw new Error('memory store unavailable (test outage)');
      },
    });
  }
}

function repairMap(map: Map<string, MemoryRecord>): void {
  for (const method of MAP_METHODS) Reflect.deleteProperty(map, method);
}

describeStoreContract({
  name: 'memory (one map shared by name, as memory://NAME)',
  async setup() {
    // One map for the run, as `memory://NAME` shares one per name; the harness keeps it to break it.
    const map = new Map<string, MemoryRecord>();
    return {
      open: async (namespace) => createMemoryStore({ map, namespace }),
      async break() {
        breakMap(map);
      },
      async repair() {
        repairMap(map);
      },
    };
  },
  async teardown() {},
});

describe('memory:// store URLs', () => {
  it('GIVEN two stores opened with plain memory:// THEN each keeps its own data', async () => {
    const a = await createStore('memory://');
    const b = await createStore('memory://');
    await a.set('conversation', 'only in a', 60_000);
    expect(await a.get('conversation')).toBe('only in a');
    expect(await b.get('conversation')).toBeUndefined();
  });

  it('GIVEN two stores opened with the same memory://NAME THEN they share data and claims', async () => {
    const url = `memory://shared-${randomUUID()}`;
    const a = await createStore(url);
    const b = await createStore(url);
    await a.set('conversation', 'seen by b', 60_000);
    expect(await b.get('conversation')).toBe('seen by b');
    expect(await a.setIfAbsent('event:1', 1, 60_000)).toBe(true);
    expect(await b.setIfAbsent('event:1', 2, 60_000)).toBe(false);
  });
});
