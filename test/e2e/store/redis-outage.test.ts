import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorePort } from '../../../src/store/store-port.js';
import {
  freeLoopbackPort,
  type RedisServer,
  startRedisServer,
} from '../../support/redis-server.js';
import { waitUntil } from '../../support/store-wait.js';
import {
  ANSWERED_QUESTION,
  ask,
  expectAnswer,
  openStoreBot,
  remembersPick,
  storeOutages,
  storeRecoveries,
} from './store-bot.js';

/** Generous: a memory-less answer needs no store at all, but the machine is shared. */
const ANSWER_BOUND_MS = 2_000;
/** The client reconnects with a backoff capped at 2 s. */
const RECOVERY_BOUND_MS = 10_000;

describe('a bot on Redis through an outage', () => {
  const servers: RedisServer[] = [];
  const opened: StorePort[] = [];
  afterEach(async () => {
    await Promise.allSettled(opened.splice(0).map((store) => store.close()));
    await Promise.allSettled(servers.splice(0).map((server) => server.stop()));
  });

  it('GIVEN Redis stops THEN the bot answers without memory, logs the outage once, and remembers again once Redis is back on the same port', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const { bot, store, logger } = await openStoreBot(server.url);
    opened.push(store);
    await expectAnswer(bot, 'before');
    expect(await remembersPick(bot, 'before')).toBe(true);

    await server.stop();
    const started = Date.now();
    const reply = await bot.handle(ask(ANSWERED_QUESTION, 'during'));
    expect(reply.kind).toBe('answer');
    expect(Date.now() - started).toBeLessThan(ANSWER_BOUND_MS);
    // Commands fail at once instead of waiting in an offline queue to be replayed later.
    await expect(store.get('anything')).rejects.toThrow(/offline|closed/i);
    expect(await remembersPick(bot, 'during')).toBe(false);
    await expectAnswer(bot, 'during');
    expect(storeOutages(logger.records)).toHaveLength(1);
    expect(storeRecoveries(logger.records)).toHaveLength(0);

    await server.start();
    await waitUntil(
      'conversation memory to resume',
      () => remembersPick(bot, 'after'),
      RECOVERY_BOUND_MS,
      100,
    );
    expect(storeOutages(logger.records)).toHaveLength(1);
    expect(storeRecoveries(logger.records)).toHaveLength(1);
  });

  it('GIVEN Redis hangs (SIGSTOP) THEN answers wait only the store bound, the outage is logged once, memory resumes after SIGCONT, and shutdown does not hang', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const { bot, store, logger } = await openStoreBot(server.url);
    expect(await remembersPick(bot, 'before-hang')).toBe(true);

    server.freeze();
    try {
      // Each question makes several store calls; only the first may wait out the store's bound.
      const started = Date.now();
      for (let i = 0; i < 3; i++) await expectAnswer(bot, `hung-${i}`);
      expect(Date.now() - started).toBeLessThan(ANSWER_BOUND_MS);
      expect(await remembersPick(bot, 'hung')).toBe(false);
      expect(storeOutages(logger.records)).toHaveLength(1);
      expect(storeOutages(logger.records)[0]?.context).toMatchObject({
        err: { message: expect.stringContaining('timed out') },
      });
    } finally {
      server.thaw();
    }
    await waitUntil(
      'memory to resume after the hang',
      () => remembersPick(bot, 'thawed'),
      RECOVERY_BOUND_MS,
      100,
    );
    expect(storeRecoveries(logger.records)).toHaveLength(1);

    // A hung server at shutdown: close() would wait for replies forever; the adapter bounds it.
    server.freeze();
    void bot.handle(ask(ANSWERED_QUESTION, 'in-flight'));
    const closing = Date.now();
    await store.close();
    expect(Date.now() - closing).toBeLessThan(ANSWER_BOUND_MS);
  });

  it('GIVEN Redis is down when the bot starts THEN it starts and answers without memory, and remembers once Redis comes up', async () => {
    const port = await freeLoopbackPort();
    const started = Date.now();
    const { bot, store, logger } = await openStoreBot(`redis://127.0.0.1:${port}`);
    opened.push(store);
    expect(Date.now() - started).toBeLessThan(ANSWER_BOUND_MS);
    await expectAnswer(bot, 'cold');
    expect(await remembersPick(bot, 'cold')).toBe(false);
    expect(storeOutages(logger.records)).toHaveLength(1);
    const atStart = logger.records.filter((r) => r.message.includes('unreachable at start'));
    expect(atStart).toHaveLength(1);
    expect(atStart[0]?.context).toMatchObject({
      store: `redis://127.0.0.1:${port}`,
      err: { message: expect.stringContaining('ECONNREFUSED') },
    });

    servers.push(await startRedisServer({ port }));
    await waitUntil(
      'conversation memory to start',
      () => remembersPick(bot, 'warm'),
      RECOVERY_BOUND_MS,
      100,
    );
    expect(storeOutages(logger.records)).toHaveLength(1);
  });

  it('GIVEN a password in STORE_URL THEN neither a refused login nor an outage puts it in a log line', async () => {
    const password = 'Pa55-word-never-logged';
    const wrong = 'Wr0ng-secret-never-logged';
    const server = await startRedisServer({ password });
    servers.push(server);
    const host = `127.0.0.1:${server.port}`;

    const refused = await openStoreBot(`redis://:${wrong}@${host}`);
    opened.push(refused.store);
    await expectAnswer(refused.bot, 'refused');
    expect(await remembersPick(refused.bot, 'refused')).toBe(false);
    expect(storeOutages(refused.logger.records)).toHaveLength(1);
    expect(refused.logger.records).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        context: expect.objectContaining({ store: `redis://***@${host}` }),
      }),
    );

    const admitted = await openStoreBot(`redis://:${password}@${host}`);
    opened.push(admitted.store);
    expect(await remembersPick(admitted.bot, 'admitted')).toBe(true);
    await server.stop();
    await expectAnswer(admitted.bot, 'admitted');
    expect(storeOutages(admitted.logger.records)).toHaveLength(1);

    // Everything logged, errors included, down to their causes and own properties.
    const logged = inspect([refused.logger.records, admitted.logger.records], {
      depth: 12,
      showHidden: true,
    });
    expect(logged).toContain('store unavailable');
    expect(logged).not.toContain(password);
    expect(logged).not.toContain(wrong);
  });
});
