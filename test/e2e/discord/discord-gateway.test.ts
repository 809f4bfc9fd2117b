import { afterEach, describe, expect, it } from 'vitest';
import { createScriptedBot, type RunningDiscordBot, startDiscordBot } from './harness.js';

let running: RunningDiscordBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('Discord gateway disconnects', () => {
  it('resumes after a resumable close, replays what it missed, and keeps answering', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot);
    const { sim, logger } = running;
    const session = sim.gateway.session;
    if (!session) throw new Error('the bot identified');
    const sequence = session.seq;

    const resumed = sim.waitForEvent<{ session: string; seq: number }>('resume', 10_000);
    // 4000 "Unknown error" is resumable; while the bot is away a question arrives.
    sim.gateway.close(4000, 'Unknown error');
    const missed = sim.mentionBot('asked while you were away');
    const resume = await resumed;
    expect(resume).toEqual({ session: session.id, seq: sequence });
    // The client reconnected to READY's resume_gateway_url, not the original gateway URL.
    expect(sim.gateway.connectionPaths.at(-1)).toMatch(/^\/gateway-resume\?v=10&encoding=json/);
    // Resumed, not re-identified: one IDENTIFY in total.
    expect(sim.gateway.received.filter((f) => f.op === 2)).toHaveLength(1);

    const replayed = await sim.waitForMessage((m) => m.replyTo === missed['id']);
    expect(replayed.text).toContain('asked while you were away');
    const after = sim.mentionBot('asked after the resume');
    const reply = await sim.waitForMessage((m) => m.replyTo === after['id']);
    expect(reply.text).toContain('asked after the resume');
    expect(logger.records.map((r) => r.message)).toContain('discord gateway resumed');
  });

  it('identifies again after a non-resumable invalid session', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot);
    const { sim } = running;
    const first = sim.gateway.session?.id;
    const identified = sim.waitForEvent<{ session: string }>('identify', 15_000);
    sim.gateway.invalidateSession(false);
    const again = await identified;
    expect(again.session).not.toBe(first);
    const asked = sim.mentionBot('still there?');
    const reply = await sim.waitForMessage((m) => m.replyTo === asked['id']);
    expect(reply.text).toContain('still there?');
  });
});

describe('Discord gateway faults', () => {
  it('resumes when the gateway asks it to reconnect (op 7)', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot);
    const { sim } = running;
    const resumed = sim.waitForEvent('resume', 10_000);
    sim.gateway.requestReconnect();
    await resumed;
    const asked = sim.mentionBot('after op 7');
    await sim.waitForMessage((m) => m.replyTo === asked['id']);
  });

  it('detects a zombie connection when heartbeats go unacknowledged, and resumes', async () => {
    const { bot } = createScriptedBot({});
    running = await startDiscordBot(bot, { simulator: { heartbeatIntervalMs: 250 } });
    const { sim } = running;
    await sim.waitForEvent('frame', 5000);
    sim.gateway.setHeartbeatAcks(false);
    const resumed = sim.waitForEvent('resume', 10_000);
    // The resumed connection needs its ACKs again.
    sim.events.once('connection', () => sim.gateway.setHeartbeatAcks(true));
    await resumed;
    const asked = sim.mentionBot('after the zombie');
    await sim.waitForMessage((m) => m.replyTo === asked['id']);
  });
});
