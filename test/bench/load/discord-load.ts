import { fileURLToPath } from 'node:url';
import { type SentMessage, startDiscordSimulator } from '../../support/discord-simulator/index.js';
import { startBenchChild } from './child-process.js';
import type { DiscordAppInput } from './discord-app-process.js';
import { deliveryCounts, type LatencyFigures, latencyFigures } from './stats.js';

const REPLY_DEADLINE_MS = 90_000;

export interface DiscordLoadFigures {
  readonly messages: number;
  readonly reply: LatencyFigures;
  readonly lost: number;
  readonly duplicated: number;
  /** Seconds from the first mention to the last reply. */
  readonly seconds: number;
  readonly pass: boolean;
}

/**
 * `count` mentions dispatched at once through the local gateway to the real Discord adapter (its
 * own process, real core); every reply is matched to its mention by `message_reference`.
 */
export async function runDiscordLoad(
  questions: readonly string[],
  count = 1000,
  progress: (line: string) => void = () => {},
): Promise<DiscordLoadFigures> {
  const sim = await startDiscordSimulator();
  const script = fileURLToPath(new URL('discord-app-process.ts', import.meta.url));
  const input: DiscordAppInput = {
    token: sim.world.token,
    applicationId: sim.world.applicationId,
    apiUrl: sim.apiUrl,
  };
  const replies: { replyTo: string; at: number }[] = [];
  const onMessage = (message: SentMessage) => {
    if (message.replyTo !== undefined) replies.push({ replyTo: message.replyTo, at: Date.now() });
  };
  sim.events.on('message', onMessage);
  try {
    progress('discord: starting the adapter with the real core…');
    const app = await startBenchChild(script, input);
    const warm = sim.mentionBot('hello');
    await sim.waitForMessage((m) => m.replyTo === warm['id'], { timeoutMs: 10_000 });
    replies.length = 0;

    progress(`discord: ${count} mentions…`);
    const sentAt = new Map<string, number>();
    const started = Date.now();
    for (let i = 0; i < count; i++) {
      const message = sim.mentionBot(questions[i % questions.length] ?? '');
      sentAt.set(String(message['id']), Date.now());
    }
    const deadline = Date.now() + REPLY_DEADLINE_MS;
    while (replies.length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const finished = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await app.stop();

    const first = new Map<string, number>();
    for (const reply of replies) if (!first.has(reply.replyTo)) first.set(reply.replyTo, reply.at);
    const delivery = deliveryCounts(
      [...sentAt.keys()],
      replies.map((reply) => reply.replyTo),
    );
    return {
      messages: count,
      reply: latencyFigures([...first].map(([id, at]) => at - (sentAt.get(id) ?? at))),
      ...delivery,
      seconds: (finished - started) / 1000,
      pass: delivery.lost === 0 && delivery.duplicated === 0,
    };
  } finally {
    sim.events.off('message', onMessage);
    await sim.stop();
  }
}
