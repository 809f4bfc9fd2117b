import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedisServer } from '../../support/redis-server.js';
import { type BotProcess, startBotProcess } from './bot-process.js';
import { type SlowProxy, startSlowProxy } from './slow-proxy.js';

// `npm start` in console mode with piped standard input, its store a private redis-server behind
// a proxy that delays every command: a question then stays in flight for a second or so, long
// enough to send SIGTERM while the core is waiting on the store.
const KNOWLEDGE = new URL('../slack/fixtures/lighthouse.yaml', import.meta.url).pathname;
const QUESTION = 'when do you light the lamp?';
const ANSWER = 'lit at sunset';
/** Generous: the drain itself takes about a second (a few delayed store calls). */
const BOUND_MS = 8_000;

let redis: RedisServer;
const proxies: SlowProxy[] = [];
const bots: BotProcess[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  for (const bot of bots) bot.child.kill('SIGKILL');
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await redis?.stop();
});

async function startBot(env: Record<string, string>, delayMs: number) {
  const proxy = await startSlowProxy(redis.port, delayMs);
  proxies.push(proxy);
  const bot = startBotProcess({
    KNOWLEDGE_PATH: KNOWLEDGE,
    STORE_URL: `redis://127.0.0.1:${proxy.port}`,
    LOG_LEVEL: 'info',
    ...env,
  });
  bots.push(bot);
  await bot.waitForLog('adapter started');
  return { bot, proxy };
}

/** Asks the question (`times` lines in one write) and returns once the core waits on the store. */
async function askAndWaitInFlight(bot: BotProcess, proxy: SlowProxy, times = 1): Promise<void> {
  const before = proxy.chunks;
  bot.child.stdin.write(`${QUESTION}\n`.repeat(times));
  await proxy.waitForChunksAbove(before);
}

// Concurrent: each test has its own bot and proxy, and most of the time is each bot's start-up.
describe.concurrent('GIVEN npm start in console mode', () => {
  it('WHEN SIGTERM arrives with a question in flight THEN the reply is still written and it exits 0 within the bound', async () => {
    const { bot, proxy } = await startBot(
      { METRICS_PORT: '0', SHUTDOWN_TIMEOUT_MS: String(BOUND_MS) },
      0,
    );
    const { port } = await bot.waitForLog('metrics and health listening');
    const ops = `http://127.0.0.1:${String(port)}`;

    // A first question, answered at full speed, shows up in the log, the metrics and the health.
    bot.child.stdin.write(`${QUESTION}\n`);
    await bot.waitForStdout(ANSWER);
    const handled = await bot.waitForLog('question handled');
    expect(handled).toMatchObject({ platform: 'console', outcome: 'answer' });
    expect(handled['requestId']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(await (await fetch(`${ops}/healthz`)).json()).toEqual({
      status: 'ok',
      store: 'ok',
      knowledge: { entries: 2 },
    });
    const metrics = await (await fetch(`${ops}/metrics`)).text();
    expect(metrics).toContain('kb_bot_questions_total{outcome="answer"} 1');
    expect(metrics).toContain('kb_bot_question_duration_seconds_count{outcome="answer"} 1');

    // Two more, read together: the first is held up by the store when the signal comes, the
    // second is already read, so both must be answered.
    proxy.setDelay(200);
    await askAndWaitInFlight(bot, proxy, 2);
    const signalled = Date.now();
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;

    expect(exit.code).toBe(0);
    expect(exit.at - signalled).toBeLessThan(BOUND_MS);
    expect(bot.stdout().split(ANSWER).length - 1).toBe(3);
    const messages = bot.logs().map((line) => line.msg);
    expect(messages).toContain('shutting down: finishing replies in flight');
    expect(messages).toContain('stopped');
    expect(messages.filter((msg) => msg === 'question handled')).toHaveLength(3);
    const requestIds = bot
      .logs()
      .filter((l) => l.msg === 'question handled')
      .map((l) => l['requestId']);
    expect(new Set(requestIds).size).toBe(3);
    // Stopped last: /metrics and /healthz are gone once the process is.
    await expect(fetch(`${ops}/healthz`)).rejects.toThrow();
    console.info(`console: SIGTERM to exit with a question in flight: ${exit.at - signalled} ms`);
  });

  it('WHEN the replies in flight outlast SHUTDOWN_TIMEOUT_MS THEN it exits 1 with a log line', async () => {
    const { bot, proxy } = await startBot({ SHUTDOWN_TIMEOUT_MS: '300' }, 450);
    await askAndWaitInFlight(bot, proxy);
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    const timedOut = bot.logs().find((line) => line.msg?.startsWith('shutdown timed out'));
    expect(timedOut).toMatchObject({ level: 50, timeoutMs: 300 });
  });

  it('WHEN a second signal arrives during the drain THEN it exits 1 at once', async () => {
    const { bot, proxy } = await startBot({ SHUTDOWN_TIMEOUT_MS: String(BOUND_MS) }, 450);
    await askAndWaitInFlight(bot, proxy);
    bot.child.kill('SIGTERM');
    await bot.waitForLog('shutting down: finishing replies in flight');
    bot.child.kill('SIGINT');
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    expect(bot.logs().map((line) => line.msg)).toContain(
      'second signal: exiting now without finishing replies',
    );
    // It did not wait for the store-bound reply.
    expect(bot.stdout()).not.toContain(ANSWER);
  });
});
