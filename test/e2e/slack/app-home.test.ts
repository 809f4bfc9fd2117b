import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  blockText,
  buttons,
  homeOpenedEvent,
  homePress,
  quiet,
} from '../../support/slack-fake/index.js';
import { type HttpHarness, startHttpHarness } from './http-harness.js';

let h: HttpHarness;

beforeAll(async () => {
  h = await startHttpHarness({ homeRefreshMs: 100 });
});
afterAll(() => h.close());
beforeEach(() => h.api.reset());

type View = { type: string; blocks: unknown[]; private_metadata: string };
const viewOf = (call: { args: Readonly<Record<string, unknown>> } | undefined) =>
  (call?.args['view'] ?? {}) as View;

describe('GIVEN the App Home tab', () => {
  it('WHEN a user opens it THEN it shows the topic, the sources, how to ask and example buttons', async () => {
    await h.sendEvent(homeOpenedEvent({ user: 'UHOME0001', channel: 'DHOME0001' }));
    const [call] = await h.api.waitForCalls('views.publish');
    expect(call?.args['user_id']).toBe('UHOME0001');
    const view = viewOf(call);
    expect(view.type).toBe('home');
    expect(view.private_metadata).toBe('DHOME0001');
    const text = blockText({ blocks: view.blocks });
    const about = h.bot.about();
    expect(text).toContain(about.topic);
    for (const source of about.sources) expect(text).toContain(source.publication);
    expect(text).toContain('/ask your question');
    expect(text).toMatch(/Mention me/);
    expect(text).toMatch(/direct message/);
    const examples = buttons({ blocks: view.blocks });
    expect(examples.length).toBeGreaterThan(0);
    const ids = new Set(h.bot.knowledge.entries.map((entry) => entry.id));
    for (const example of examples) {
      expect(example.actionId).toMatch(/^kb_home_ask:\d+$/);
      expect(ids.has(example.value)).toBe(true);
    }
  });

  it('WHEN the Messages tab is opened THEN nothing is published', async () => {
    await h.sendEvent(homeOpenedEvent({ tab: 'messages' }));
    await quiet(200);
    expect(h.api.callsTo('views.publish')).toHaveLength(0);
  });

  it('WHEN an example is pressed THEN it is answered in the DM', async () => {
    const entry = h.bot.knowledge.entries[1];
    if (entry === undefined) throw new Error('need knowledge entries');
    await h.sendInteraction(
      homePress({ value: entry.id, user: 'UHOME0001', privateMetadata: 'DHOME0001' }),
    );
    const [call] = await h.api.waitForCalls('chat.postMessage');
    expect(call?.args['channel']).toBe('DHOME0001');
    expect(blockText(call?.args ?? {})).toContain(entry.answer.slice(0, 40));
    expect(h.bot.chosen.at(-1)).toEqual({
      context: { platform: 'slack', user: 'UHOME0001', conversation: 'DHOME0001' },
      entry: entry.id,
    });
  });

  it('WHEN the knowledge is reloaded THEN the tabs opened recently are published again', async () => {
    await h.sendEvent(homeOpenedEvent({ user: 'UHOME0002', channel: 'DHOME0002' }));
    await h.api.waitForCalls('views.publish');
    h.api.reset();
    h.bot.retitle('Lighthouses of the North Sea');
    const calls = await h.api.waitForCalls('views.publish', 2);
    expect(calls.map((c) => c.args['user_id']).sort()).toEqual(['UHOME0001', 'UHOME0002']);
    for (const call of calls) {
      expect(blockText({ blocks: viewOf(call).blocks })).toContain('Lighthouses of the North Sea');
    }
    // Published once per change, not on every check.
    await quiet(400);
    expect(h.api.callsTo('views.publish')).toHaveLength(2);
  });
});
