import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, type ScriptResult } from '../../support/run-script.js';
import { type FakeSlackWebApi, startFakeSlackWebApi } from '../../support/slack-fake/index.js';

// Secrets go through the real logger (pino on standard error) of a child process, in every shape
// they take: fields, nested config, messages, errors and their causes, the adapters' rejected-token
// errors, a Redis URL with a password. Standard error must never contain one.
const SECRETS = {
  DISCORD_TOKEN: 'MTA5ODc2NTQzMjEw.GdIscordTokenSecret.abcdefghijklmnop',
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-slackBotTokenSecret',
  SLACK_APP_TOKEN: 'xapp-1-A111-3333-slackAppTokenSecret',
  SLACK_SIGNING_SECRET: 'f00dfeedsigningsecret0123456789ab',
};
const REDIS_PASSWORD = 'r3dis/Pa$$word@!';
const KNOWLEDGE = new URL('../slack/fixtures/lighthouse.yaml', import.meta.url).pathname;

/** Every form a secret could leak in: as is, percent-encoded, JSON-escaped. */
function leaks(text: string): string[] {
  const values = [...Object.values(SECRETS), REDIS_PASSWORD];
  return values.filter((value) =>
    [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)].some((form) =>
      text.includes(form),
    ),
  );
}

let closedPort: number;
let api: FakeSlackWebApi;

beforeAll(async () => {
  // A port with nothing listening: Redis there is refused at once.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  closedPort = typeof address === 'object' && address !== null ? address.port : 1;
  await new Promise((resolve) => probe.close(resolve));
  api = await startFakeSlackWebApi({ botToken: 'xoxb-the-only-accepted-token' });
});
afterAll(async () => {
  await api?.close();
});

describe('GIVEN secrets in the environment', () => {
  it('WHEN they pass through the logger in every shape THEN standard error never shows one', async () => {
    const result: ScriptResult = await runScript('test/e2e/ops/fixtures/log-secrets.ts', [], {
      env: {
        ...SECRETS,
        STORE_URL: `redis://kb:${encodeURIComponent(REDIS_PASSWORD)}@127.0.0.1:${closedPort}`,
      },
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    // Every line stays JSON, and every shape was logged (the test is not vacuous).
    const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toEqual(
      expect.arrayContaining([
        'flat fields',
        'nested config',
        'the whole environment',
        'child bindings',
        'error message',
        'error cause',
        'aggregate error',
        'Slack config rejected',
        'Slack start failed',
        'Discord start failed',
        'bad Redis URL',
        'done',
      ]),
    );
    expect(messages.some((msg) => msg.startsWith('Redis unreachable at start'))).toBe(true);
    expect(result.stderr).toContain('[redacted]');
    expect(leaks(result.stderr)).toEqual([]);
    expect(leaks(result.stdout)).toEqual([]);
  });

  it('WHEN the logs take their terminal form THEN they are short lines and still show no secret', async () => {
    const result = await runScript('test/e2e/ops/fixtures/log-secrets.ts', ['--pretty'], {
      env: {
        ...SECRETS,
        STORE_URL: `redis://kb:${encodeURIComponent(REDIS_PASSWORD)}@127.0.0.1:${closedPort}`,
      },
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('{"level"');
    const shown = stripVTControlCharacters(result.stderr);
    for (const msg of ['flat fields', 'error cause', 'Slack start failed', 'bad Redis URL', 'done'])
      expect(shown).toMatch(new RegExp(`\\d\\d:\\d\\d:\\d\\d (INFO|ERROR) +${msg}`));
    expect(result.stderr).toContain('[redacted]');
    expect(leaks(result.stderr)).toEqual([]);
    expect(leaks(result.stdout)).toEqual([]);
  });

  it('WHEN npm start fails on a rejected token THEN neither its log nor its error shows a secret', async () => {
    const result = await runScript('adapters/main.ts', [], {
      env: {
        ...SECRETS,
        DISCORD_TOKEN: '',
        SLACK_API_URL: api.url,
        STORE_URL: `redis://:${encodeURIComponent(REDIS_PASSWORD)}@127.0.0.1:${closedPort}`,
        KNOWLEDGE_PATH: KNOWLEDGE,
        LOG_LEVEL: 'trace',
      },
      timeoutMs: 30_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not start the bot: Slack rejected SLACK_BOT_TOKEN');
    expect(result.stderr).toContain('Redis unreachable at start');
    expect(leaks(result.stderr)).toEqual([]);
    expect(leaks(result.stdout)).toEqual([]);
  });
});
