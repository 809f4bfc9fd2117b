import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../adapters/config-error.js';
import { readSlackConfig } from '../../../adapters/slack/index.js';

const bot = { SLACK_BOT_TOKEN: 'xoxb-1' };

function failure(env: Record<string, string | undefined>): ConfigError {
  try {
    readSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readSlackConfig', () => {
  it('GIVEN no SLACK_* variable (or only empty ones) THEN Slack is off', () => {
    expect(readSlackConfig({})).toBeUndefined();
    expect(
      readSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_PORT: '  ', DISCORD_TOKEN: 'x' }),
    ).toBeUndefined();
  });

  it('GIVEN an app token THEN Socket Mode', () => {
    expect(readSlackConfig({ ...bot, SLACK_APP_TOKEN: 'xapp-1' })).toEqual({
      mode: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
    });
  });

  it('GIVEN a signing secret THEN HTTP mode on port 3000 unless SLACK_PORT says otherwise', () => {
    expect(readSlackConfig({ ...bot, SLACK_SIGNING_SECRET: 's' })).toEqual({
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's',
      port: 3000,
    });
    expect(
      readSlackConfig({ ...bot, SLACK_SIGNING_SECRET: 's', SLACK_PORT: '8080' }),
    ).toMatchObject({
      port: 8080,
    });
  });

  it('GIVEN SLACK_HOST THEN HTTP mode listens on that interface only; unset, on every one', () => {
    const http = { ...bot, SLACK_SIGNING_SECRET: 's' };
    expect(readSlackConfig({ ...http, SLACK_HOST: '127.0.0.1' })).toMatchObject({
      host: '127.0.0.1',
    });
    expect(readSlackConfig({ ...http, SLACK_HOST: '[::1]' })).toMatchObject({ host: '::1' });
    expect(readSlackConfig(http)).not.toHaveProperty('host');
  });

  it('GIVEN SLACK_API_URL THEN it is normalised to end with a slash, in either mode', () => {
    expect(
      readSlackConfig({
        ...bot,
        SLACK_APP_TOKEN: 'xapp-1',
        SLACK_API_URL: 'https://slack-gov.com/api',
      }),
    ).toMatchObject({ apiUrl: 'https://slack-gov.com/api/' });
    expect(
      readSlackConfig({
        ...bot,
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }),
    ).toMatchObject({ apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it.each([
    ['a token without SLACK_BOT_TOKEN', { SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN'],
    [
      'a bot token of the wrong kind',
      { SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xapp-1' },
      'SLACK_BOT_TOKEN',
    ],
    ['an app token of the wrong kind', { ...bot, SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN'],
    [
      'Socket Mode with a port',
      { ...bot, SLACK_APP_TOKEN: 'xapp-1', SLACK_PORT: '3000' },
      'SLACK_PORT',
    ],
    [
      'Socket Mode with a host',
      { ...bot, SLACK_APP_TOKEN: 'xapp-1', SLACK_HOST: '127.0.0.1' },
      'SLACK_HOST',
    ],
    [
      'a host that is a URL',
      { ...bot, SLACK_SIGNING_SECRET: 's', SLACK_HOST: 'http://0.0.0.0/' },
      'SLACK_HOST',
    ],
    ['neither mode', { ...bot }, 'SLACK_SIGNING_SECRET'],
    [
      'a port that is not a number',
      { ...bot, SLACK_SIGNING_SECRET: 's', SLACK_PORT: '80a' },
      'SLACK_PORT',
    ],
    [
      'a port out of range',
      { ...bot, SLACK_SIGNING_SECRET: 's', SLACK_PORT: '70000' },
      'SLACK_PORT',
    ],
    [
      'an API URL that is not a URL',
      { ...bot, SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'slack.com' },
      'SLACK_API_URL',
    ],
    [
      'an API URL that is not http(s)',
      { ...bot, SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: 'ftp://x/' },
      'SLACK_API_URL',
    ],
  ])('GIVEN %s THEN start fails naming %s', (_name, env, variable) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(variable)).toBe(true);
    expect(error.code).toBe('CONFIG_INVALID');
  });

  it('GIVEN a signing secret alongside an app token THEN Socket Mode wins (the secret is unused)', () => {
    expect(
      readSlackConfig({ ...bot, SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })?.mode,
    ).toBe('socket');
  });
});
