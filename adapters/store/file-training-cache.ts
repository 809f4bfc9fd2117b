import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CachedTraining, Logger, TrainingCache } from '../../src/index.js';

/** Enough for a few knowledge files or branches; each file is well under a kilobyte. */
const DEFAULT_KEEP = 8;

export interface FileTrainingCacheConfig {
  readonly dir: string;
  /** Cached trainings kept; older ones are deleted when a new one is written. */
  readonly keep?: number;
  readonly logger?: Logger;
  /** Defaults to a hash of the core's sources and the lockfile (see `codeFingerprint`). */
  readonly codeVersion?: string;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
let fingerprint: string | undefined;

/**
 * A hash of every file in `src/` and of the lockfile: editing the matcher, the conversation
 * entries or a dependency's version retrains, without anyone having to remember a version bump.
 */
export function codeFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const hash = createHash('sha256');
  const src = join(root, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const path = join(src, file);
    if (!statSync(path).isFile()) continue;
    hash.update(file).update('\0').update(readFileSync(path)).update('\0');
  }
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    // Installed without a lockfile: the sources alone still tell versions of our code apart.
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/**
 * Keeps trained calibrations as small JSON files, one per key, written atomically (temporary
 * file, then rename) so two processes starting at once never read half a file. Every failure
 * is logged and treated as a miss: the cache saves time, it is never needed for an answer.
 */
export function createFileTrainingCache(config: FileTrainingCacheConfig): TrainingCache {
  const keep = config.keep ?? DEFAULT_KEEP;
  const pathOf = (key: string) => join(config.dir, `${key}.json`);
  return {
    codeVersion: config.codeVersion ?? codeFingerprint(),
    read(key) {
      try {
        return JSON.parse(readFileSync(pathOf(key), 'utf8')) as unknown;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          config.logger?.warn(
            { err: error, file: pathOf(key) },
            'training cache unreadable: training again (delete the file to silence this)',
          );
        }
        return undefined;
      }
    },
    write(key, value: CachedTraining) {
      try {
        mkdirSync(config.dir, { recursive: true });
        const temporary = `${pathOf(key)}.${process.pid}.tmp`;
        writeFileSync(temporary, `${JSON.stringify(value)}\n`);
        renameSync(temporary, pathOf(key));
        prune(config.dir, keep);
      } catch (error) {
        config.logger?.warn(
          { err: error, dir: config.dir },
          'training cache not written: the next start trains again (check the folder is writable)',
        );
      }
    },
  };
}

/** Deletes all but the `keep` most recently written cache files. */
function prune(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    // Another process may prune at the same time: a file gone already is simply skipped.
    .map((name) => ({
      path: join(dir, name),
      // Gone already: it sorts as the oldest, and `rmSync` with `force` ignores it.
      written: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0,
    }))
    .sort((a, b) => b.written - a.written);
  for (const { path } of files.slice(keep)) rmSync(path, { force: true });
}
