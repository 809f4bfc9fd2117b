import { describe, expect, it } from 'vitest';
import { directMessageEvent, quiet } from '../../support/slack-fake/index.js';
import { startHttpHarness } from './http-harness.js';

describe('GIVEN a running Slack adapter WHEN it is stopped', () => {
  it('THEN it stops listening but finishes the reply in flight, and a second stop is harmless', async () => {
    const h = await startHttpHarness();
    const question = h.bot.knowledge.entries[0]?.questions[0] ?? '';
    const release = h.bot.hold();
    expect((await h.sendEvent(directMessageEvent({ text: question }))).status).toBe(200);

    let stopped = false;
    const stopping = h.adapter.stop().then(() => {
      stopped = true;
    });
    await quiet(200);
    // Still waiting for the held reply…
    expect(stopped).toBe(false);
    // …while new requests are already refused.
    await expect(h.sendEvent(directMessageEvent({ text: question }))).rejects.toThrow();

    release();
    await stopping;
    expect(h.api.callsTo('chat.postMessage')).toHaveLength(1);
    await h.adapter.stop();
    await h.close();
  });
});
