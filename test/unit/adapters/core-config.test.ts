import { describe, expect, it } from 'vitest';
import { readCoreConfig } from '../../../adapters/config.js';
import { ConfigError } from '../../../adapters/config-error.js';

describe('readCoreConfig', () => {
  it('GIVEN nothing set THEN uses the defaults', () => {
    expect(readCoreConfig({})).toEqual({
      knowledgePath: 'knowledge',
      storeUrl: undefined,
      logLevel: undefined,
      bot: {},
      trainingCacheDir: 'data/cache',
    });
  });

  it('GIVEN TRAINING_CACHE_DIR THEN keeps trainings there, or nowhere when it is "none"', () => {
    expect(readCoreConfig({ TRAINING_CACHE_DIR: '/var/cache/kb' }).trainingCacheDir).toBe(
      '/var/cache/kb',
    );
    expect(readCoreConfig({ TRAINING_CACHE_DIR: 'none' }).trainingCacheDir).toBeUndefined();
  });

  it('GIVEN blank values THEN treats them as unset', () => {
    expect(
      readCoreConfig({ KNOWLEDGE_PATH: ' ', STORE_URL: '', RATE_LIMIT_PER_MINUTE: '' })
        .knowledgePath,
    ).toBe('knowledge');
  });

  it('GIVEN limits and retention THEN passes them to the core in its units', () => {
    expect(
      readCoreConfig({
        RATE_LIMIT_PER_MINUTE: '0',
        RETENTION_DAYS: '7',
        CONVERSATION_TTL_MINUTES: '5',
      }).bot,
    ).toEqual({
      rateLimit: { questions: 0, windowMs: 60_000 },
      retentionMs: 7 * 24 * 60 * 60_000,
      conversationTtlMs: 5 * 60_000,
    });
  });

  it.each([
    ['LOG_LEVEL', 'loud'],
    ['RATE_LIMIT_PER_MINUTE', 'ten'],
    ['RETENTION_DAYS', '0'],
    ['CONVERSATION_TTL_MINUTES', '-5'],
  ])('GIVEN %s=%s THEN fails naming the variable and pointing to .env.example', (name, value) => {
    const attempt = () => readCoreConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^${name} .*\\(see \\.env\\.example\\)$`));
  });
});
