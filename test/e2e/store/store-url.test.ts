import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../adapters/config-error.js';
import { createStore } from '../../../adapters/store/create-store.js';
import { maskStoreUrl } from '../../../adapters/store/store-url.js';

const SECRET = 'S3cret-in-the-url';

async function refusal(url: string): Promise<ConfigError> {
  const outcome = await createStore(url).then(
    async (port) => {
      await port.close();
      return new Error(`expected STORE_URL=${maskStoreUrl(url)} to be refused`);
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(ConfigError);
  const error = outcome as ConfigError;
  expect(error.variable).toBe('STORE_URL');
  expect(error.message).toContain('.env.example');
  // The whole error, causes and hidden fields included, as a logger or a crash report would see it.
  expect(inspect(error, { depth: 12, showHidden: true })).not.toContain(SECRET);
  return error;
}

describe('STORE_URL values that cannot work', () => {
  it('GIVEN an unsupported scheme THEN the error lists the supported ones and hides the credentials', async () => {
    const error = await refusal(`postgres://bot:${SECRET}@db.example:5432/kb`);
    expect(error.message).toContain('sqlite://, redis://, rediss:// or memory://');
    expect(error.message).toContain('postgres://***@db.example:5432/kb');
  });

  it('GIVEN sqlite:// without a path THEN the error shows an example path', async () => {
    const error = await refusal('sqlite://');
    expect(error.message).toContain('sqlite://data/bot.sqlite');
  });

  it('GIVEN a Redis URL that does not parse THEN the error explains the form without echoing the password', async () => {
    const error = await refusal(`redis://:${SECRET}@127.0.0.1:99999`);
    expect(error.message).toContain('redis://HOST:PORT');
    expect(error.message).toContain('redis://***@127.0.0.1:99999');
    expect(error.cause).toBeUndefined();
  });

  it('GIVEN a Redis URL without a host THEN the error asks for one', async () => {
    const error = await refusal('redis://');
    expect(error.message).toContain('names no Redis host');
  });
});

describe('maskStoreUrl', () => {
  it('GIVEN credentials THEN hides them, including an unencoded @ in the password; GIVEN none THEN changes nothing', () => {
    expect(maskStoreUrl('redis://user:pa@ss@host:6379/0')).toBe('redis://***@host:6379/0');
    expect(maskStoreUrl('rediss://:secret@host:6380')).toBe('rediss://***@host:6380');
    expect(maskStoreUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
    expect(maskStoreUrl('sqlite://data/bot.sqlite')).toBe('sqlite://data/bot.sqlite');
  });
});
