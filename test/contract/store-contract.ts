import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createStateStore } from '../../src/store/state-store.js';
import type { StorePort } from '../../src/store/store-port.js';
import { createRecordingLogger } from '../support/slack-fake/recording-logger.js';
import { pause, waitUntil } from '../support/store-wait.js';

/** One backend, opened for the contract. */
export interface StoreUnderTest {
  /** Opens a store port as the app does (`createStore`); ports with the same namespace share data. */
  open(namespace: string): Promise<StorePort>;
  /** Makes every operation of the ports opened so far fail or hang, as a real outage would. */
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
/** Concurrent claims of one key in the atomicity test. */
const CONTENDERS = 50;

/**
 * The contract every store backend runs (memory, SQLite, Redis): what the core relies on, through
 * the raw store port and through the core's degrading `createStateStore`.
 */
export function describeStoreContract(harness: StoreBackendHarness): void {
  describe(`store contract: ${harness.name}`, () => {
    let backend: StoreUnderTest;
    const opened: StorePort[] = [];
    const open = async (namespace: string) => {
      const port = await backend.open(namespace);
      opened.push(port);
      return port;
    };
    const namespace = () => `contract-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      backend = await harness.setup();
    });
    afterEach(async () => {
      await Promise.allSettled(opened.splice(0).map((port) => port.close()));
    });
    afterAll(async () => {
      await harness.teardown();
    });

    it('GIVEN a stored value THEN get returns it, and delete removes it saying whether it existed', async () => {
      const port = await open(namespace());
      expect(await port.get('missing')).toBeUndefined();
      await port.set('greeting', 'hello', LONG_TTL_MS);
      expect(await port.get('greeting')).toBe('hello');
      await port.set('greeting', 'hello again', LONG_TTL_MS);
      expect(await port.get('greeting')).toBe('hello again');
      expect(await port.delete('greeting')).toBe(true);
      expect(await port.get('greeting')).toBeUndefined();
      expect(await port.delete('greeting')).toBe(false);
    });

    it('GIVEN a short TTL THEN the value is there at first and gone once it expires, while longer-lived keys stay', async () => {
      const port = await open(namespace());
      await port.set('short', 'soon gone', SHORT_TTL_MS);
      await port.set('long', 'stays', LONG_TTL_MS);
      expect(await port.get('short')).toBe('soon gone');
      await waitUntil(
        'the short-lived key to expire',
        async () => (await port.get('short')) === undefined,
      );
      expect(await port.get('long')).toBe('stays');
    });

    it('GIVEN a value rewritten with a longer TTL THEN the earlier TTL no longer applies', async () => {
      const port = await open(namespace());
      await port.set('state', 'first', SHORT_TTL_MS);
      await port.set('state', 'second', LONG_TTL_MS);
      await pause(SHORT_TTL_MS * 2);
      expect(await port.get('state')).toBe('second');
    });

    it('GIVEN two ports with the same namespace THEN they share data; a different namespace sees none of it', async () => {
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
      const port = await open(namespace());
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
      for (const [key, value] of Object.entries(values)) await port.set(key, value, LONG_TTL_MS);
      for (const [key, value] of Object.entries(values)) expect(await port.get(key)).toEqual(value);
    });

    it('GIVEN many concurrent sets from one or two ports THEN every write lands and a contested key holds one of the written values', async () => {
      const shared = namespace();
      const a = await open(shared);
      const b = await open(shared);
      const keys = Array.from({ length: 60 }, (_, i) => `key-${i}`);
      await Promise.all(keys.map((key, i) => (i % 2 === 0 ? a : b).set(key, { i }, LONG_TTL_MS)));
      const read = await Promise.all(keys.map((key, i) => (i % 3 === 0 ? b : a).get(key)));
      expect(read).toEqual(keys.map((_, i) => ({ i })));

      const contenders = Array.from({ length: 20 }, (_, i) => ({ writer: i, text: `value ${i}` }));
      await Promise.all(
        contenders.map((value, i) => (i % 2 === 0 ? a : b).set('contested', value, LONG_TTL_MS)),
      );
      expect(contenders).toContainEqual(await a.get('contested'));
      expect(await b.get('contested')).toEqual(await a.get('contested'));
    });

    it('GIVEN setIfAbsent THEN it stores only when the key is absent, the value reads back, and an expired value counts as absent', async () => {
      const store = await open(namespace());
      expect(await store.setIfAbsent('event:1', { at: 1 }, SHORT_TTL_MS)).toBe(true);
      expect(await store.setIfAbsent('event:1', { at: 2 }, LONG_TTL_MS)).toBe(false);
      expect(await store.get('event:1')).toEqual({ at: 1 });
      await store.set('event:2', 'set first', LONG_TTL_MS);
      expect(await store.setIfAbsent('event:2', 'claimed', LONG_TTL_MS)).toBe(false);
      expect(await store.get('event:2')).toBe('set first');
      await waitUntil(
        'the claimed key to expire',
        async () => (await store.get('event:1')) === undefined,
      );
      expect(await store.setIfAbsent('event:1', { at: 3 }, LONG_TTL_MS)).toBe(true);
      expect(await store.get('event:1')).toEqual({ at: 3 });
      expect(await store.delete('event:1')).toBe(true);
      expect(await store.setIfAbsent('event:1', { at: 4 }, LONG_TTL_MS)).toBe(true);
    });

    it(`GIVEN ${CONTENDERS} concurrent setIfAbsent on one key from two ports THEN exactly one wins, and its value is stored`, async () => {
      const shared = namespace();
      const a = await open(shared);
      const b = await open(shared);
      const results = await Promise.all(
        Array.from({ length: CONTENDERS }, (_, i) =>
          (i % 2 === 0 ? a : b).setIfAbsent('event:contested', { i }, LONG_TTL_MS),
        ),
      );
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await b.get('event:contested')).toEqual({ i: winners[0] });
    });

    it('GIVEN a key whose setIfAbsent value expired without being read THEN a new setIfAbsent wins', async () => {
      const store = await open(namespace());
      expect(await store.setIfAbsent('event:stale', 'first', SHORT_TTL_MS)).toBe(true);
      await pause(SHORT_TTL_MS * 2);
      expect(await store.setIfAbsent('event:stale', 'second', LONG_TTL_MS)).toBe(true);
      expect(await store.get('event:stale')).toBe('second');
    });

    it('GIVEN the state store over this backend WHEN the backend fails THEN reads are undefined, writes false, the outage logged once per outage, and memory resumes when it returns', async () => {
      const port = await open(namespace());
      const logger = createRecordingLogger();
      const store = createStateStore(port, logger, { timeoutMs: STATE_STORE_TIMEOUT_MS });
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
            expect(await store.setIfAbsent(`event:${outage}:${i}`, 1, LONG_TTL_MS)).toBeUndefined();
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
