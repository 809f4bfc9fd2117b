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
const REPLY_DEADLINE_MS = 60_000;
const BOT_TOKEN = 'xoxb-load-bench';
const SIGNING_SECRET = 'load-bench-signing-secret';

export interface SlackLoadFigures {
  readonly commands: number;
  readonly ack: LatencyFigures;
  readonly acksOver3s: number;
  readonly failedAcks: number;
  readonly reply: LatencyFigures;
  readonly lost: number;
  readonly duplicated: number;
  readonly bareBoltAck: LatencyFigures;
  /** Our ack time over the bare Bolt app's: p50 and p99. */
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

/**
 * 1,000 concurrent signed slash commands against the real Slack adapter (HTTP mode, real core),
 * then the same against a bare Bolt app that only acks, one after the other in this run.
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
    progress('slack: bare Bolt baseline…');
    const bare = await startBenchChild<{ port: number }>(script('bare-bolt-process.ts'), input);
    const bareUrl = `http://127.0.0.1:${bare.ready.port}/slack/events`;
    await burst(bareUrl, responses, questions, 50);
    const baseline = await burst(bareUrl, responses, questions, count);
    await bare.stop();

    progress('slack: starting the adapter with the real core…');
    const app = await startBenchChild<{ port: number }>(script('slack-app-process.ts'), input);
    const appUrl = `http://127.0.0.1:${app.ready.port}/slack/events`;
    const warm = await burst(appUrl, responses, questions, 50);
    await waitForPosts(responses, warm.urls.length);
    const before = responses.posts.length;
    progress(`slack: ${count} concurrent /ask commands…`);
    const run = await burst(appUrl, responses, questions, count);
    await waitForPosts(responses, before + count);
    await app.stop();

    const ours = new Set(run.urls);
    const posts = responses.posts.slice(before).filter((post) => ours.has(post.url));
    const firstPost = new Map<string, number>();
    for (const post of posts) if (!firstPost.has(post.url)) firstPost.set(post.url, post.at);
    const replyMs = [...firstPost].map(([url, at]) => at - (run.sentAt.get(url) ?? at));
    const delivery = deliveryCounts(
      run.urls,
      posts.map((post) => post.url),
    );
    const ack = latencyFigures(run.ackMs);
    const bareBoltAck = latencyFigures(baseline.ackMs);
    const acksOver3s = run.ackMs.filter((ms) => ms > SLACK_ACK_LIMIT_MS).length;
    return {
      commands: count,
      ack,
      acksOver3s,
      failedAcks: run.failedAcks,
      reply: latencyFigures(replyMs),
      ...delivery,
      bareBoltAck,
      ackRatio: {
        p50: round(ack.p50 / bareBoltAck.p50, 2),
        p99: round(ack.p99 / bareBoltAck.p99, 2),
      },
      pass:
        delivery.lost === 0 &&
        delivery.duplicated === 0 &&
        acksOver3s === 0 &&
        run.failedAcks === 0,
    };
  } finally {
    await Promise.all([api.close(), responses.close()]);
  }
}
