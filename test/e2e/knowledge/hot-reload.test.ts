import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot.js';
import {
  createKnowledgeReloader,
  type KnowledgeReloader,
} from '../../../src/knowledge/knowledge-reloader.js';
import type { Logger } from '../../../src/logger.js';
import { memoryStateStore } from '../../support/memory-state.js';

const entry = (id: string, topic: string, answer: string) => `  - id: ${id}
    questions:
      - What is the ${topic}?
      - tell me the ${topic}
      - ${topic}?
      - whats the ${topic}
      - Which ${topic} is it?
      - the ${topic} please
    answer: ${answer}
`;
const FILE_V1 = `version: 1\nthresholds: { answer: 0.5, clarify: 0.3 }\nentries:\n${entry('colour', 'favourite colour', 'It is blue.')}${entry('animal', 'favourite animal', 'It is the owl.')}`;
const FILE_V2 = `${FILE_V1}${entry('planet', 'favourite planet', 'It is Saturn.')}`;

function recordingLogger() {
  const errors: Record<string, unknown>[] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: (context: object | string) => {
      if (typeof context === 'object') errors.push(context as Record<string, unknown>);
    },
    child: () => logger,
  };
  return { logger, errors };
}

async function until(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 8_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

let reloader: KnowledgeReloader | undefined;
afterEach(() => reloader?.stop());

describe('hot reload of the knowledge', () => {
  it('GIVEN an edit THEN the running bot answers from the new version without a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-reload-'));
    const file = join(dir, 'kb.yaml');
    await writeFile(file, FILE_V1);
    reloader = await createKnowledgeReloader(
      { path: file, debounceMs: 50 },
      recordingLogger().logger,
    );
    const bot = createBot({ knowledge: reloader.current, store: memoryStateStore() });
    const ask = (text: string) =>
      bot.handle({ text, platform: 'console', user: 'u', conversation: 'c' });

    expect((await ask('What is the favourite planet?')).kind).not.toBe('answer');
    await writeFile(file, FILE_V2);
    await until(async () => (await ask('What is the favourite planet?')).text === 'It is Saturn.');
    expect((await ask('What is the favourite colour?')).text).toBe('It is blue.');
  });

  it('GIVEN a broken edit or a deleted file THEN keeps the last good version and logs file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-reload-'));
    const file = join(dir, 'kb.yaml');
    await writeFile(file, FILE_V1);
    const { logger, errors } = recordingLogger();
    reloader = await createKnowledgeReloader({ path: file, debounceMs: 50 }, logger);
    const bot = createBot({ knowledge: reloader.current, store: memoryStateStore() });
    const ask = (text: string) =>
      bot.handle({ text, platform: 'console', user: 'u', conversation: 'c' });

    await writeFile(file, FILE_V1.replace('answer: It is blue.', 'answr: It is blue.'));
    await until(() => errors.length >= 1);
    expect(errors[0]).toMatchObject({ entry: 'colour', line: 4 });
    expect(String(errors[0]?.['file'])).toContain('kb.yaml');
    expect((await ask('What is the favourite colour?')).text).toBe('It is blue.');

    await rm(file);
    await until(() => errors.length >= 2);
    expect((await ask('What is the favourite animal?')).text).toBe('It is the owl.');
  });

  it('GIVEN a reload while questions are being asked THEN every question gets a reply', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-reload-'));
    const file = join(dir, 'kb.yaml');
    await writeFile(file, FILE_V1);
    reloader = await createKnowledgeReloader(
      { path: file, debounceMs: 10 },
      recordingLogger().logger,
    );
    const bot = createBot({
      knowledge: reloader.current,
      store: memoryStateStore(),
      config: { rateLimit: { questions: 0, windowMs: 1 } },
    });
    const replies = Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        bot.handle({
          text: 'What is the favourite animal?',
          platform: 'console',
          user: `u${i}`,
          conversation: 'c',
        }),
      ),
    );
    const reloaded = reloader.reload();
    await writeFile(file, FILE_V2);
    const all = await replies;
    expect(await reloaded).toBe(true);
    expect(all.filter((r) => r.text === 'It is the owl.')).toHaveLength(200);
  });
});
