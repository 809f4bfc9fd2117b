import { createHash } from 'node:crypto';
import { z } from 'zod';
import { CALIBRATION_SIZE } from './matcher/create-matcher.js';
import type { MatcherOptions, MatcherState, Thresholds, TrainingEntry } from './matcher/matcher.js';

/**
 * Where a knowledge base keeps what training learned, so an unchanged knowledge file starts
 * without cross-validating again (most of a cold start). A port: the core computes the key and
 * checks what comes back; the adapter decides where it lives (a file under `data/`, usually).
 * Reads and writes are best effort: a failing cache only costs a retraining.
 */
export interface TrainingCache {
  /**
   * Fingerprint of the code that trains (for example a hash of its sources): a result stored by
   * other code is never reused, even when the knowledge is the same.
   */
  readonly codeVersion: string;
  /** The value stored under `key`, or undefined. */
  read(key: string): unknown;
  write(key: string, value: CachedTraining): void;
}

/** What is stored: JSON-safe, a few dozen numbers. */
export interface CachedTraining {
  readonly state: MatcherState;
  /** The calibrated thresholds, when the file does not fix both. */
  readonly thresholds?: Thresholds;
}

/** Bump when the shape of `CachedTraining` changes. */
const FORMAT = 3;

/** Everything training depends on, hashed: the same inputs always give the same result. */
export function trainingKey(
  cache: TrainingCache,
  training: readonly TrainingEntry[],
  options: MatcherOptions,
  offTopic: readonly string[],
): string {
  const inputs = JSON.stringify({
    format: FORMAT,
    code: cache.codeVersion,
    training,
    synonyms: options.synonyms ?? [],
    shorthand: options.shorthand ?? {},
    offTopic,
  });
  return createHash('sha256').update(inputs).digest('hex');
}

const cachedTrainingSchema = z.object({
  state: z.object({ calibration: z.array(z.number()).length(CALIBRATION_SIZE) }),
  thresholds: z
    .object({ answer: z.number(), clarify: z.number(), answerExplained: z.number().optional() })
    .optional(),
});

/** The stored value if it has the expected shape; anything else (a hand-edited file) is a miss. */
export function parseCachedTraining(value: unknown): CachedTraining | undefined {
  const parsed = cachedTrainingSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const { state, thresholds } = parsed.data;
  if (thresholds === undefined) return { state };
  const { answer, clarify, answerExplained } = thresholds;
  return {
    state,
    thresholds: { answer, clarify, ...(answerExplained !== undefined && { answerExplained }) },
  };
}

/** Reads through the cache; a throwing cache counts as a miss. */
export function readCachedTraining(cache: TrainingCache, key: string): CachedTraining | undefined {
  try {
    return parseCachedTraining(cache.read(key));
  } catch {
    return undefined;
  }
}

export function writeCachedTraining(
  cache: TrainingCache,
  key: string,
  value: CachedTraining,
): void {
  try {
    cache.write(key, value);
  } catch {
    // Best effort by contract: the knowledge base is already trained and serving.
  }
}
