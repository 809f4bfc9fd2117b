import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeFingerprint,
  createFileTrainingCache,
} from '../../../adapters/store/file-training-cache.js';
import type { Logger } from '../../../src/logger.js';
import type { CachedTraining } from '../../../src/training-cache.js';

const VALUE: CachedTraining = {
  state: { calibration: [0.5, -1, 2] },
  thresholds: { answer: 0.9, clarify: 0.6 },
};

function createRecordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (context: object | string, message?: string) => {
      warnings.push(typeof context === 'string' ? context : (message ?? ''));
    },
    error: () => {},
    child: () => logger,
  };
  return { logger, warnings };
}

const tempDir = () => mkdtemp(join(tmpdir(), 'training-cache-'));

describe('createFileTrainingCache', () => {
  it('GIVEN a written value THEN reads it back from a JSON file named by its key', async () => {
    const dir = join(await tempDir(), 'nested', 'cache');
    const cache = createFileTrainingCache({ dir, codeVersion: 'v1' });
    cache.write('abc', VALUE);
    expect(cache.read('abc')).toEqual(VALUE);
    expect(JSON.parse(await readFile(join(dir, 'abc.json'), 'utf8'))).toEqual(VALUE);
    expect(await readdir(dir)).toEqual(['abc.json']);
  });

  it('GIVEN no file for the key THEN reads undefined without a warning', async () => {
    const { logger, warnings } = createRecordingLogger();
    const cache = createFileTrainingCache({ dir: await tempDir(), logger, codeVersion: 'v1' });
    expect(cache.read('missing')).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  it('GIVEN a file that is not JSON THEN reads undefined and warns', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'abc.json'), '{"state": ');
    const { logger, warnings } = createRecordingLogger();
    const cache = createFileTrainingCache({ dir, logger, codeVersion: 'v1' });
    expect(cache.read('abc')).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('training again')]);
  });

  it('GIVEN a folder that cannot be created THEN write warns and does not throw', async () => {
    const blocker = join(await tempDir(), 'a-file');
    await writeFile(blocker, 'not a folder');
    const { logger, warnings } = createRecordingLogger();
    const cache = createFileTrainingCache({
      dir: join(blocker, 'cache'),
      logger,
      codeVersion: 'v1',
    });
    expect(() => cache.write('abc', VALUE)).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining('not written')]);
    expect(cache.read('abc')).toBeUndefined();
  });

  it('GIVEN more values than it keeps THEN deletes the oldest', async () => {
    const dir = await tempDir();
    const cache = createFileTrainingCache({ dir, keep: 2, codeVersion: 'v1' });
    cache.write('old', VALUE);
    // mtime granularity: make the order unambiguous.
    await utimes(join(dir, 'old.json'), new Date(1_000), new Date(1_000));
    cache.write('middle', VALUE);
    await utimes(join(dir, 'middle.json'), new Date(2_000), new Date(2_000));
    cache.write('new', VALUE);
    expect((await readdir(dir)).sort()).toEqual(['middle.json', 'new.json']);
  });
});

describe('codeFingerprint', () => {
  it('is a stable SHA-256 of the sources and the default code version', () => {
    const fingerprint = codeFingerprint();
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(codeFingerprint()).toBe(fingerprint);
    expect(createFileTrainingCache({ dir: tmpdir() }).codeVersion).toBe(fingerprint);
  });
});
