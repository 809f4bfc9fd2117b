import { randomUUID } from 'node:crypto';
import type { Keyv } from 'keyv';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStateStore } from '../../src/store/state-store.js';
import { createRecordingLogger } from '../support/slack-fake/recording-logger.js';
import { pause, waitUntil } from '../support/store-wait.js';

/** One backend, opened for the contract. */
export interface StoreUnderTest {
  /** Opens a keyv the way the app does (`createKeyv`); keyvs with the same namespace share data. */
  open(namespace: string): Promise<Keyv>;
  /** Makes every operation of the keyvs opened so far fail or hang, as a real outage would. */
  break(): Promise<void>;
  /** Ends the outage; operations may need a moment (a reconnect) before they succeed again. */
  repair(): Promise<void>;
}

export interface StoreBackendHarness {
  readonly name: string;
  setup(): Promise<StoreUnderTest>;
  teardown(): Promise<void>;
}

/** Short enough to keep the suite fast, long enough that "still there right after set" is safe. */
const SHORT_TTL_MS = 300;
const LONG_TTL_MS = 60_000;
/** The state store's per-operation bound during the outage tests (a locked SQLite waits). */
const STATE_STORE_TIMEOUT_MS = 300;
/** Redis reconnects with a backoff capped at 2 s. */
const RECOVERY_TIMEOUT_MS = 10_000;

/**
 * The contract every store backend runs (memory, SQLite, Redis): what the core relies on, through
 * a raw keyv and through the core's degrading `createStateStore`.
 */
export function describeStoreContract(harness: StoreBackendHarness): void {
  describe(`store contract: ${harness.name}`, () => {
    let backend: StoreUnderTest;
    const opened: Keyv[] = [];
    const open = async (namespace: string) => {
      const keyv = await backend.open(namespace);
      opened.push(keyv);
      return keyv;
    };
    const namespace = () => `contract-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      backend = await harness.setup();
    });
    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((keyv) => keyv.disconnect()));
    });
    afterAll(async () => {
      await harness.teardown();
    });

    it('GIVEN a stored value THEN get returns it, and delete removes it saying whether it existed', async () => {
      const keyv = await open(namespace());
      expect(await keyv.get('missing')).toBeUndefined();
      expect(await keyv.set('greeting', 'hello', LONG_TTL_MS)).toBe(true);
      expect(await keyv.get('greeting')).toBe('hello');
      expect(await keyv.set('greeting', 'hello again', LONG_TTL_MS)).toBe(true);
      expect(await keyv.get('greeting')).toBe('hello again');
      expect(await keyv.delete('greeting')).toBe(true);
      expect(await keyv.get('greeting')).toBeUndefined();
      expect(await keyv.delete('greeting')).toBe(false);
    });

    it('GIVEN a short TTL THEN the value is there at first and gone once it expires, while longer-lived keys stay', async () => {
      const keyv = await open(namespace());
      await keyv.set('short', 'soon gone', SHORT_TTL_MS);
      await keyv.set('long', 'stays', LONG_TTL_MS);
      await keyv.set('forever', 'stays too');
      expect(await keyv.get('short')).toBe('soon gone');
      await waitUntil(
        'the short-lived key to expire',
        async () => (await keyv.get('short')) === undefined,
      );
      expect(await keyv.get('long')).toBe('stays');
      expect(await keyv.get('forever')).toBe('stays too');
    });

    it('GIVEN a value rewritten without a TTL THEN the earlier TTL no longer applies', async () => {
      const keyv = await open(namespace());
      await keyv.set('state', 'first', SHORT_TTL_MS);
      await keyv.set('state', 'second', LONG_TTL_MS);
      await pause(SHORT_TTL_MS * 2);
      expect(await keyv.get('state')).toBe('second');
    });

    it('GIVEN two keyvs with the same namespace THEN they share data; a different namespace sees none of it', async () => {
      const shared = namespace();
      const a = await open(shared);
      const b = await open(shared);
      const other = await open(namespace());
      await a.set('conversation:1', { pending: ['x'] }, LONG_TTL_MS);
      expect(await b.get('conversation:1')).toEqual({ pending: ['x'] });
      expect(await other.get('conversation:1')).toBeUndefined();

      await other.set('conversation:1', 'other value', LONG_TTL_MS);
      expect(await a.get('conversation:1')).toEqual({ pending: ['x'] });
      await b.delete('conversation:1');
      expect(await a.get('conversation:1')).toBeUndefined();
      expect(await other.get('conversation:1')).toBe('other value');
    });

    it('GIVEN JSON values and awkward keys THEN they round-trip unchanged', async () => {
      const keyv = await open(namespace());
      const values: Record<string, unknown> = {
        'conversation:slack:C1:1700000000.000100:U1': {
          pending: [{ entry: 'us-troops-iraq', question: 'How many U.S. troops are in Iraq?' }],
          last: { entry: 'a', question: 'q', confidence: 0.8125, runnersUp: [] },
        },
        'key with spaces and ünïcödé ✓': "naïve café — “quotes” 'single' \\ back\nnew line\ttab",
        'numbers:': [0, -1.5, 2 ** 53 - 1, 1e-7],
        'flags|and|nulls': { yes: true, no: false, nothing: null, nested: { deeper: [[], {}] } },
        'empty-string': '',
        'event:123': 1_700_000_000_000,
      };
      for (const [key, value] of Object.entries(values))
        expect(await keyv.set(key, value, LONG_TTL_MS)).toBe(true);
      for (const [key, value] of Object.entries(values)) expect(await keyv.get(key)).toEqual(value);
    });

    it('GIVEN many concurrent sets from one or two keyvs THEN every write lands and a contested key holds one of the written values', async () => {
      const shared = namespace();
      const a = await open(shared);
      const b = await open(shared);
      const keys = Array.from({ length: 60 }, (_, i) => `key-${i}`);
      const results = await Promise.all(
        keys.map((key, i) => (i % 2 === 0 ? a : b).set(key, { i }, LONG_TTL_MS)),
      );
      expect(results.every(Boolean)).toBe(true);
      const read = await Promise.all(keys.map((key, i) => (i % 3 === 0 ? b : a).get(key)));
      expect(read).toEqual(keys.map((_, i) => ({ i })));

      const contenders = Array.from({ length: 20 }, (_, i) => ({ writer: i, text: `value ${i}` }));
      await Promise.all(
        contenders.map((value, i) => (i % 2 === 0 ? a : b).set('contested', value, LONG_TTL_MS)),
      );
      expect(contenders).toContainEqual(await a.get('contested'));
      expect(await b.get('contested')).toEqual(await a.get('contested'));
    });

    it('GIVEN the state store over this backend WHEN the backend fails THEN reads are undefined, writes false, the outage logged once per outage, and memory resumes when it returns', async () => {
      const keyv = await open(namespace());
      const logger = createRecordingLogger();
      const store = createStateStore(keyv, logger, { timeoutMs: STATE_STORE_TIMEOUT_MS });
      const outages = () => logger.records.filter((r) => r.level === 'error');
      const recoveries = () => logger.records.filter((r) => r.message.includes('available again'));

      expect(await store.set('conversation', { pending: ['a', 'b'] }, LONG_TTL_MS)).toBe(true);
      expect(await store.get('conversation')).toEqual({ pending: ['a', 'b'] });
      expect(store.healthy).toBe(true);

      for (let outage = 1; outage <= 2; outage++) {
        await backend.break();
        try {
          for (let i = 0; i < 2; i++) {
            expect(await store.get('conversation')).toBeUndefined();
            expect(await store.set('conversation', { pending: ['c'] }, LONG_TTL_MS)).toBe(false);
            await expect(store.delete('conversation')).resolves.toBeUndefined();
          }
          expect(store.healthy).toBe(false);
          expect(outages()).toHaveLength(outage);
          expect(outages()[outage - 1]?.message).toContain('store unavailable');
        } finally {
          await backend.repair();
        }
        await waitUntil(
          'the store to accept writes again',
          () => store.set('after', outage, LONG_TTL_MS),
          RECOVERY_TIMEOUT_MS,
        );
        expect(await store.get('after')).toBe(outage);
        expect(store.healthy).toBe(true);
        expect(recoveries()).toHaveLength(outage);
        expect(outages()).toHaveLength(outage);
      }
    });
  });
}
