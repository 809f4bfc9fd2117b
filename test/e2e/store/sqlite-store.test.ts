import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../adapters/config-error.js';
import { createStore, DEFAULT_SQLITE_PATH } from '../../../adapters/store/create-store.js';
import type { StorePort } from '../../../src/store/store-port.js';
import {
  answeredEntry,
  ask,
  clarify,
  deliver,
  expectAnswer,
  openStoreBot,
  remembersPick,
  storeOutages,
} from './store-bot.js';

let directory: string;
const opened: StorePort[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'kb-bot-sqlite-e2e-'));
});
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((port) => port.close()));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function expectConfigError(url: string | undefined): Promise<ConfigError> {
  const error = await createStore(url).then(
    (port) => {
      opened.push(port);
      throw new Error(`expected STORE_URL=${url} to be refused at start`);
    },
    (refused: unknown) => refused,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const configError = error as ConfigError;
  expect(configError.code).toBe('CONFIG_INVALID');
  expect(configError.variable).toBe('STORE_URL');
  expect(configError.message).toMatch(/^STORE_URL /);
  expect(configError.message).toContain('STORE_URL=sqlite://PATH');
  return configError;
}

describe('SQLite that cannot be written at start', () => {
  it('GIVEN a path whose parent is a file THEN start fails with a ConfigError naming the path and the fix', async () => {
    const file = join(directory, 'not-a-directory');
    await writeFile(file, 'a file where a directory should be');
    const path = join(file, 'bot.sqlite');
    const error = await expectConfigError(`sqlite://${path}`);
    expect(error.message).toContain(path);
    expect(error.message).toContain('writable');
  });

  it('GIVEN a path in a directory not even root can create files in (/proc) THEN start fails with a ConfigError', async () => {
    const error = await expectConfigError('sqlite:///proc/kb-bot-test.sqlite');
    expect(error.message).toContain('/proc/kb-bot-test.sqlite');
    expect(error.message).toContain('Make /proc a writable directory');
  });

  it('GIVEN an existing file that is not a SQLite database THEN start fails saying so, and the file is left untouched', async () => {
    const path = join(directory, 'notes.txt');
    const content = 'someone else’s notes, not a database\n'.repeat(50);
    await writeFile(path, content);
    const error = await expectConfigError(`sqlite://${path}`);
    expect(error.message).toContain('is not a SQLite database');
    expect(await readFile(path, 'utf8')).toBe(content);
  });

  it('GIVEN STORE_URL unset THEN the default file under data/ is created, and when it cannot be the message says STORE_URL is unset', async () => {
    const original = process.cwd();
    const workable = join(directory, 'fresh-checkout');
    const broken = join(directory, 'broken-checkout');
    await mkdir(workable);
    await mkdir(broken);
    await writeFile(join(broken, 'data'), 'data should be a directory');
    try {
      process.chdir(workable);
      const port = await createStore(undefined);
      opened.push(port);
      expect(existsSync(join(workable, DEFAULT_SQLITE_PATH))).toBe(true);

      process.chdir(broken);
      const error = await expectConfigError(undefined);
      expect(error.message).toContain('STORE_URL is unset');
      expect(error.message).toContain(DEFAULT_SQLITE_PATH);
    } finally {
      process.chdir(original);
    }
  });
});

describe('a bot on SQLite', () => {
  it('GIVEN a restart on the same file THEN the conversation remembers its suggestions', async () => {
    const url = `sqlite://${join(directory, 'restart.sqlite')}`;
    const before = await openStoreBot(url);
    const offered = await clarify(before.bot, 'restart');
    await before.store.close();

    const after = await openStoreBot(url);
    opened.push(after.store);
    const picked = await after.bot.handle(ask('1', 'restart'));
    expect(answeredEntry(picked)).toBe(offered.suggestions[0]?.entry);
  });

  it('GIVEN the database is closed underneath while working THEN the bot keeps answering without memory and logs it once', async () => {
    const {
      bot,
      store: port,
      logger,
    } = await openStoreBot(`sqlite://${join(directory, 'closed.sqlite')}`);
    await expectAnswer(bot, 'working');
    expect(await remembersPick(bot, 'working')).toBe(true);

    await port.close();
    for (let i = 0; i < 3; i++) await expectAnswer(bot, `closed-${i}`);
    expect(await remembersPick(bot, 'closed')).toBe(false);
    expect(await deliver(bot, 'Ev-closed')).toBe(true);
    expect((await bot.feedback(ask('', 'closed-0'), 'unknown', 'down')).text).toContain('noted');
    const outages = storeOutages(logger.records);
    expect(outages).toHaveLength(1);
    expect(outages[0]?.context).toMatchObject({
      err: { message: expect.stringMatching(/closed|SQLITE_MISUSE/i) },
    });
  });
});
