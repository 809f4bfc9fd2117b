import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorePort } from '../../../src/store/store-port.js';
import { type RedisServer, startRedisServer } from '../../support/redis-server.js';
import {
  ANSWERED_QUESTION,
  answeredEntry,
  ask,
  clarify,
  deliver,
  openStoreBot,
  type StoreBot,
} from './store-bot.js';

/**
 * Scale-out: two bot cores, each with its own store port on the same STORE_URL, behave as one bot. A
 * platform may deliver a conversation's next message (or the same event) to either instance.
 */
describe('two bot instances sharing one Redis', () => {
  let server: RedisServer;
  let a: StoreBot;
  let b: StoreBot;
  const opened: StorePort[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
    a = await openStoreBot(server.url);
    b = await openStoreBot(server.url);
    opened.push(a.store, b.store);
  });
  afterAll(async () => {
    await Promise.allSettled(opened.map((port) => port.close()));
    await server?.stop();
  });

  it('GIVEN a clarification on instance A WHEN the user answers "2" on instance B THEN B answers the second suggestion', async () => {
    const offered = await clarify(a.bot, 'scale-pick');
    const second = offered.suggestions[1];
    expect(second).toBeDefined();

    const picked = await b.bot.handle(ask('2', 'scale-pick'));
    expect(answeredEntry(picked)).toBe(second?.entry);

    // Without the shared store the pick means nothing: an instance with its own memory cannot see it.
    const alone = await openStoreBot('memory://');
    expect(answeredEntry(await alone.bot.handle(ask('2', 'scale-pick')))).not.toBe(second?.entry);
  });

  it('GIVEN an event id claimed on instance A THEN instance B refuses it, and other ids stay free', async () => {
    expect(await deliver(a.bot, 'Ev-scale-1')).toBe(true);
    expect(await deliver(b.bot, 'Ev-scale-1')).toBe(false);
    expect(await deliver(a.bot, 'Ev-scale-1')).toBe(false);
    expect(await deliver(b.bot, 'Ev-scale-2')).toBe(true);
    expect(await deliver(a.bot, 'Ev-scale-2')).toBe(false);
  });

  it('GIVEN the same events delivered to both instances at once THEN exactly one claims each', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `Ev-race-${i}`);
    const results = await Promise.all(
      ids.flatMap((id) => [deliver(a.bot, id), deliver(b.bot, id)]),
    );
    for (let i = 0; i < ids.length; i++) {
      expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    }
  });

  it("GIVEN an answer on instance A WHEN the user rates it down on instance B THEN B offers A's runners-up", async () => {
    // What one instance alone offers after rating this answer down: the answer's runners-up.
    const alone = await openStoreBot('memory://');
    const baseline = await alone.bot.handle(ask(ANSWERED_QUESTION, 'alone'));
    if (baseline.kind !== 'answer') throw new Error(`expected an answer, got ${baseline.kind}`);
    const expected = await alone.bot.feedback(ask('', 'alone'), baseline.entry.entry, 'down');
    expect(expected.suggestions.length).toBeGreaterThan(0);

    const answered = await a.bot.handle(ask(ANSWERED_QUESTION, 'scale-feedback'));
    expect(answeredEntry(answered)).toBe(baseline.entry.entry);
    const feedback = await b.bot.feedback(ask('', 'scale-feedback'), baseline.entry.entry, 'down');
    expect(feedback.suggestions).toEqual(expected.suggestions);

    // B also remembered them as pending: "1" on instance A now picks B's first offer.
    const first = feedback.suggestions[0];
    const picked = await a.bot.handle(ask('1', 'scale-feedback'));
    expect(answeredEntry(picked)).toBe(first?.entry);
  });
});
