import { fileURLToPath } from 'node:url';
import {
  type FakeResponseUrls,
  formBody,
  signSlackRequest,
  slashCommand,
  startFakeResponseUrls,
  startFakeSlackWebApi,
} from '../../support/slack-fake/index.js';
import { startBenchChild } from './child-process.js';
import type { SlackAppInput } from './slack-app-process.js';
import { deliveryCounts, type LatencyFigures, latencyFigures, round } from './stats.js';

const SLACK_ACK_LIMIT_MS = 3000;
/** Our acks may take at most this much longer than a bare Bolt app's, at p99 (issue 12). */
const ACK_RATIO_TARGET = 1.2;
const REPLY_DEADLINE_MS = 60_000;
const BOT_TOKEN = 'xoxb-load-bench';
const SIGNING_SECRET = 'load-bench-signing-secret';

export interface SlackLoadFigures {
  /** Commands per burst; each app got `rounds` bursts. */
  readonly commands: number;
  readonly rounds: number;
  readonly ack: LatencyFigures;
  readonly acksOver3s: number;
  readonly failedAcks: number;
  readonly reply: LatencyFigures;
  readonly lost: number;
  readonly duplicated: number;
  readonly bareBoltAck: LatencyFigures;
  /** Our ack time over the bare Bolt app's, over all rounds: p50 and p99. */
  readonly ackRatio: { readonly p50: number; readonly p99: number };
  readonly pass: boolean;
}

interface Burst {
  readonly ackMs: number[];
  readonly failedAcks: number;
  readonly urls: string[];
  readonly sentAt: Map<string, number>;
}

/** Fires `count` signed `/ask` commands at once; resolves when every one has its HTTP answer. */
async function burst(
  url: string,
  responses: FakeResponseUrls,
  questions: readonly string[],
  count: number,
): Promise<Burst> {
  const ackMs: number[] = [];
  const urls: string[] = [];
  const sentAt = new Map<string, number>();
  let failedAcks = 0;
  const requests = Array.from({ length: count }, (_, i) => {
    const responseUrl = responses.newUrl();
    urls.push(responseUrl);
    const body = formBody(
      slashCommand({
        text: questions[i % questions.length] ?? '',
        responseUrl,
        user: `ULOAD${i % 50}`,
        channel: `CLOAD${i % 10}`,
      }),
    );
    return { responseUrl, body };
  });
  await Promise.all(
    requests.map(async ({ responseUrl, body }) => {
      const started = performance.now();
      sentAt.set(responseUrl, Date.now());
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            ...signSlackRequest(SIGNING_SECRET, body),
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status !== 200) failedAcks += 1;
      } catch {
        failedAcks += 1;
      }
      ackMs.push(performance.now() - started);
    }),
  );
  return { ackMs, failedAcks, urls, sentAt };
}

async function waitForPosts(responses: FakeResponseUrls, total: number): Promise<void> {
  const deadline = Date.now() + REPLY_DEADLINE_MS;
  while (responses.posts.length < total && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Quiet time, so a late duplicate is still counted.
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** Bursts per app: bare and ours alternate, so a busy machine slows both alike. */
const ROUNDS = 3;

interface Rounds {
  readonly bare: number[];
  readonly ours: Burst[];
}

/**
 * Alternates bursts of `count` signed commands at the bare Bolt app and at ours (both running),
 * waiting after each of ours until its answers are in, so no answer overlaps a measured ack.
 */
async function alternate(
  urls: { readonly bare: string; readonly ours: string },
  responses: FakeResponseUrls,
  questions: readonly string[],
  count: number,
  progress: (line: string) => void,
): Promise<Rounds> {
  const bare: number[] = [];
  const ours: Burst[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    progress(
      `slack: round ${round}/${ROUNDS}: ${count} concurrent /ask at bare Bolt, then at ours…`,
    );
    bare.push(...(await burst(urls.bare, responses, questions, count)).ackMs);
    const before = responses.posts.length;
    ours.push(await burst(urls.ours, responses, questions, count));
    await waitForPosts(responses, before + count);
  }
  return { bare, ours };
}

/**
 * Concurrent signed slash commands against the real Slack adapter (HTTP mode, real core) and a
 * bare Bolt app that only acks, in alternating rounds of `count` within this run.
 */
export async function runSlackLoad(
  questions: readonly string[],
  count = 1000,
  progress: (line: string) => void = () => {},
): Promise<SlackLoadFigures> {
  const [api, responses] = await Promise.all([
    startFakeSlackWebApi({ botToken: BOT_TOKEN }),
    startFakeResponseUrls(),
  ]);
  const input: SlackAppInput = {
    apiUrl: api.url,
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
  };
  const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
  try {
    progress('slack: starting a bare Bolt app and the adapter with the real core…');
    const [bare, app] = await Promise.all([
      startBenchChild<{ port: number }>(script('bare-bolt-process.ts'), input),
      startBenchChild<{ port: number }>(script('slack-app-process.ts'), input),
    ]);
    const urls = {
      bare: `http://127.0.0.1:${bare.ready.port}/slack/events`,
      ours: `http://127.0.0.1:${app.ready.port}/slack/events`,
    };
    await burst(urls.bare, responses, questions, 50);
    const warm = await burst(urls.ours, responses, questions, 50);
    await waitForPosts(responses, warm.urls.length);
    const rounds = await alternate(urls, responses, questions, count, progress);
    await Promise.all([bare.stop(), app.stop()]);
    return summarise(rounds, responses, count);
  } finally {
    await Promise.all([api.close(), responses.close()]);
  }
}

function summarise(rounds: Rounds, responses: FakeResponseUrls, count: number): SlackLoadFigures {
  const sentAt = new Map(rounds.ours.flatMap((run) => [...run.sentAt]));
  const urls = rounds.ours.flatMap((run) => run.urls);
  const ours = new Set(urls);
  const posts = responses.posts.filter((post) => ours.has(post.url));
  const firstPost = new Map<string, number>();
  for (const post of posts) if (!firstPost.has(post.url)) firstPost.set(post.url, post.at);
  const replyMs = [...firstPost].map(([url, at]) => at - (sentAt.get(url) ?? at));
  const delivery = deliveryCounts(
    urls,
    posts.map((post) => post.url),
  );
  const ackMs = rounds.ours.flatMap((run) => run.ackMs);
  const failedAcks = rounds.ours.reduce((sum, run) => sum + run.failedAcks, 0);
  const ack = latencyFigures(ackMs);
  const bareBoltAck = latencyFigures(rounds.bare);
  const acksOver3s = ackMs.filter((ms) => ms > SLACK_ACK_LIMIT_MS).length;
  const ackRatio = {
    p50: round(ack.p50 / bareBoltAck.p50, 2),
    p99: round(ack.p99 / bareBoltAck.p99, 2),
  };
  return {
    commands: count,
    rounds: ROUNDS,
    ack,
    acksOver3s,
    failedAcks,
    reply: latencyFigures(replyMs),
    ...delivery,
    bareBoltAck,
    ackRatio,
    pass:
      delivery.lost === 0 &&
      delivery.duplicated === 0 &&
      acksOver3s === 0 &&
      failedAcks === 0 &&
      ackRatio.p99 <= ACK_RATIO_TARGET,
  };
}
