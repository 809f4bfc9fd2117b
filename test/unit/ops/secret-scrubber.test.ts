import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSecretScrubber,
  MIN_SECRET_LENGTH,
  REDACTED,
  secretValues,
} from '../../../adapters/create-logger.js';

describe('secretValues', () => {
  it('GIVEN platform tokens, a Redis password and other settings THEN returns only the secrets', () => {
    const secrets = secretValues({
      DISCORD_TOKEN: 'MTIzNDU2Nzg5.discord.token',
      SLACK_BOT_TOKEN: 'xoxb-1-bot-token',
      SLACK_APP_TOKEN: 'xapp-1-app-token',
      SLACK_SIGNING_SECRET: '8f14e45fceea167a5a36dedd4bea2543',
      STORE_URL: 'redis://kb:p%40ss%2Fw0rd@redis.internal:6379/0',
      KNOWLEDGE_PATH: 'knowledge',
      LOG_LEVEL: 'info',
      SLACK_API_URL: 'https://slack.com/api/',
      SOME_SERVICE_API_KEY: 'k-0123456789',
    });
    expect(secrets).toEqual(
      expect.arrayContaining([
        'MTIzNDU2Nzg5.discord.token',
        'xoxb-1-bot-token',
        'xapp-1-app-token',
        '8f14e45fceea167a5a36dedd4bea2543',
        'p%40ss%2Fw0rd',
        'p@ss/w0rd',
        'k-0123456789',
      ]),
    );
    expect(secrets).not.toContain('knowledge');
    expect(secrets).not.toContain('info');
    expect(secrets.some((secret) => secret.includes('slack.com'))).toBe(false);
  });

  it('GIVEN a Redis URL with a password only, or none THEN takes the password, or nothing', () => {
    expect(secretValues({ STORE_URL: 'redis://:only-a-password@127.0.0.1:6379' })).toEqual([
      'only-a-password',
    ]);
    expect(secretValues({ STORE_URL: 'redis://127.0.0.1:6379' })).toEqual([]);
    expect(secretValues({ STORE_URL: 'sqlite://data/bot.sqlite' })).toEqual([]);
  });

  it('GIVEN values shorter than the minimum THEN leaves them out (they would garble every line)', () => {
    expect(MIN_SECRET_LENGTH).toBe(6);
    expect(secretValues({ DISCORD_TOKEN: 'abc', STORE_URL: 'redis://:pw@h:1' })).toEqual([]);
  });
});

describe('createSecretScrubber', () => {
  it('GIVEN no secrets THEN there is nothing to scrub', () => {
    expect(createSecretScrubber([])).toBeUndefined();
    expect(createSecretScrubber(['short'])).toBeUndefined();
  });

  it('GIVEN a line with a secret in a message, a stack and a URL THEN every copy is replaced', () => {
    const scrub = createSecretScrubber(['p@ss/w0rd!', 'xoxb-1-bot-token']);
    const line = JSON.stringify({
      msg: 'auth failed for xoxb-1-bot-token',
      err: { stack: 'Error: bad xoxb-1-bot-token\n    at x', url: 'redis://:p%40ss%2Fw0rd!@h' },
    });
    const scrubbed = scrub?.(line) ?? line;
    expect(scrubbed).not.toContain('xoxb-1-bot-token');
    expect(scrubbed).not.toContain('p%40ss%2Fw0rd');
    expect(JSON.parse(scrubbed)).toEqual({
      msg: `auth failed for ${REDACTED}`,
      err: { stack: `Error: bad ${REDACTED}\n    at x`, url: `redis://:${REDACTED}@h` },
    });
  });

  it('GIVEN a secret with quotes and backslashes THEN its JSON-escaped form is replaced', () => {
    const secret = 'a"quoted\\secret';
    const scrub = createSecretScrubber([secret]);
    const scrubbed = scrub?.(JSON.stringify({ token: secret, msg: `x${secret}y` })) ?? '';
    expect(JSON.parse(scrubbed)).toEqual({ token: REDACTED, msg: `x${REDACTED}y` });
  });

  it('GIVEN text that only looks like the secret after an escape THEN the JSON stays valid', () => {
    // "\n" + "abcdef" is written `\nabcdef`; the secret "nabcdef" is not in the text.
    const scrub = createSecretScrubber(['nabcdef']);
    const line = JSON.stringify({ msg: 'x\nabcdef' });
    expect(JSON.parse(scrub?.(line) ?? '')).toEqual({ msg: 'x\nabcdef' });
  });

  it('PROPERTY: a secret anywhere in a logged object never survives, and the line stays JSON', () => {
    const secretChars = fc.constantFrom(...'abcXYZ019-_.:/@%"\\\n \u00e9\u2603'.split(''));
    const secret = fc
      .array(secretChars, { minLength: MIN_SECRET_LENGTH, maxLength: 24 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(secret, fc.string(), fc.string(), (value, before, after) => {
        const scrub = createSecretScrubber([value]);
        if (scrub === undefined) throw new Error('a long secret must give a scrubber');
        const logged = {
          msg: `${before}${value}${after}`,
          config: { slack: { nested: [value] } },
          err: { message: `${value}`, url: `redis://:${encodeURIComponent(value)}@h` },
        };
        const parsed: unknown = JSON.parse(scrub(JSON.stringify(logged)));
        const strings = JSON.stringify(parsed);
        expect(collectStrings(parsed).some((text) => text.includes(value))).toBe(false);
        expect(strings).not.toContain(encodeURIComponent(value));
      }),
      { numRuns: 300 },
    );
  });
});

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).flatMap(collectStrings);
  return [];
}
