import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../support/run-script.js';
import { loadDataset } from './dataset.js';

describe('npm run bench data set', () => {
  it('GIVEN a bare clone THEN the CLINC150 data, its licence and its citation are in the repository', () => {
    const dir = new URL('./data/clinc150/', import.meta.url);
    for (const name of ['data_full.json', 'LICENSE', 'README.md']) {
      expect(existsSync(new URL(name, dir)), name).toBe(true);
    }
    const data = loadDataset(new URL('data_full.json', dir).pathname);
    expect([data.train.length, data.val.length, data.test.length]).toEqual([15_000, 3_000, 4_500]);
    expect([data.oos_val.length, data.oos_test.length]).toEqual([100, 1_000]);
  });

  it.each([
    [
      'missing',
      (dir: string) => join(dir, 'nope.json'),
      /cannot read the data set .*nope\.json \(ENOENT\)/,
    ],
    [
      'not JSON',
      (dir: string) => join(dir, 'bad.json'),
      /the data set .*bad\.json is not valid JSON/,
    ],
  ])(
    'GIVEN a %s data file THEN one line says which file and what to do, exit 1',
    async (_, path, message) => {
      const dir = await mkdtemp(join(tmpdir(), 'bench-data-'));
      await writeFile(join(dir, 'bad.json'), '{ not json');
      const result = await runScript('test/bench/main.ts', ['--dataset', path(dir)]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('--dataset PATH');
    },
  );
});
