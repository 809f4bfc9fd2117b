import type { Accumulator } from './feature-accumulator.js';
import type { Vocabulary } from './feature-vocabulary.js';
import type { Normalizer } from './normalize.js';
import type { TypoCorrector } from './typo-corrector.js';

/**
 * The context the steps of analysing a question share. Its own file so that the steps
 * (word-readings.ts, question-vectors.ts) and the feature space that builds the context all
 * depend on it, not on each other.
 */

/**
 * What analysing a text reads, fixed once the phrasings are counted. `idf` has a weight per word
 * feature and `charIdf` one per n-gram: as many as `wordAcc` and `charAcc` have cells.
 */
export interface SpaceContext {
  readonly normalizer: Normalizer;
  readonly vocabulary: Vocabulary;
  readonly corrector: TypoCorrector;
  readonly idf: Float32Array;
  readonly maxIdf: number;
  readonly charIdf: Float32Array;
  readonly wordAcc: Accumulator;
  readonly charAcc: Accumulator;
  readonly gramIds: (surface: string) => Int32Array;
  readonly everydayUnseen: number;
  /** Numbers the entries' answers state (`FeatureSpaceConfig.statedNumbers`). */
  readonly statedNumbers: ReadonlySet<string>;
  /** The relative periods ("last summer") the phrasings name (`relative-periods.ts`). */
  readonly knownPeriods: ReadonlySet<string>;
}
