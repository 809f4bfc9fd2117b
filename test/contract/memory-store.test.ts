import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { createKeyv } from '../../adapters/store/create-keyv.js';
import { describeStoreContract } from './store-contract.js';

const MAP_METHODS = ['get', 'set', 'delete', 'has', 'clear'] as const;

/** A memory store cannot fail by itself; its outage is its Map throwing on every call. */
function breakMap(map: Map<unknown, unknown>): void {
  for (const method of MAP_METHODS) {
    Object.defineProperty(map, method, {
      configurable: true,
      value: () => {
        throw new Error('memory store unavailable (test outage)');
      },
    });
  }
}

function repairMap(map: Map<unknown, unknown>): void {
  for (const method of MAP_METHODS) Reflect.deleteProperty(map, method);
}

describeStoreContract({
  name: 'memory (memory://NAME)',
  async setup() {
    const url = `memory://contract-${randomUUID()}`;
    const opened: Keyv[] = [];
    const maps = () => opened.map((keyv) => keyv.store as Map<unknown, unknown>);
    return {
      async open(namespace) {
        const keyv = await createKeyv(url, { namespace });
        opened.push(keyv);
        return keyv;
      },
      async break() {
        for (const map of maps()) breakMap(map);
      },
      async repair() {
        for (const map of maps()) repairMap(map);
      },
    };
  },
  async teardown() {},
});

describe('memory:// without a name', () => {
  it('GIVEN two keyvs opened with plain memory:// THEN each keeps its own data', async () => {
    const a = await createKeyv('memory://');
    const b = await createKeyv('memory://');
    await a.set('conversation', 'only in a');
    expect(await a.get('conversation')).toBe('only in a');
    expect(await b.get('conversation')).toBeUndefined();
  });
});
