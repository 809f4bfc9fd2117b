import { createConversationEntries } from './knowledge/conversation-entries.js';
import type { Knowledge, KnowledgeEntry } from './knowledge/knowledge.js';
import { trainingEntryOf } from './knowledge/training-entries.js';
import { chooseThresholds } from './matcher/choose-thresholds.js';
import { createMatcher, restoreMatcher, trainMatcher } from './matcher/create-matcher.js';
import type {
  Matcher,
  MatcherFactory,
  MatcherTrainer,
  Thresholds,
  TrainedMatcher,
  TrainingEntry,
} from './matcher/matcher.js';
import type { Suggestion } from './reply.js';
import {
  readCachedTraining,
  type TrainingCache,
  trainingKey,
  writeCachedTraining,
} from './training-cache.js';

/** Validated knowledge with its trained matcher and thresholds: what the bot answers from. */
export interface KnowledgeBase {
  readonly knowledge: Knowledge;
  /** Every entry by id, the built-in conversation entries included. */
  readonly entries: ReadonlyMap<string, KnowledgeEntry>;
  readonly matcher: Matcher;
  readonly thresholds: Thresholds;
  /** Where each threshold came from, for `kb check` and explanations. */
  readonly thresholdSource: { readonly [K in keyof Thresholds]: 'file' | 'calibrated' };
  /** What the knowledge is about, in a few words, for help and decline texts. */
  readonly topic: string;
  suggestion(entry: KnowledgeEntry): Suggestion;
  /** Canonical questions of the curated entries, in file order, for help and declines. */
  examples(limit: number): readonly Suggestion[];
}

export interface KnowledgeBaseOptions {
  /** Swap the matching algorithm; defaults to the `natural`-based matcher. */
  readonly matcherFactory?: MatcherFactory;
  /**
   * Trains and cross-validates in one go, so thresholds need no retraining. Used instead of
   * `matcherFactory` when given; defaults to the built-in matcher's trainer unless a factory is.
   */
  readonly matcherTrainer?: MatcherTrainer;
  /**
   * Keeps the built-in matcher's calibration and thresholds, keyed by everything they depend
   * on, so unchanged knowledge starts without cross-validating again. Ignored with a custom
   * `matcherFactory` or `matcherTrainer`.
   */
  readonly trainingCache?: TrainingCache;
}

/**
 * Trains the matcher on the knowledge (plus the built-in small talk) and chooses the thresholds by
 * cross-validating the phrasings against the file's off-topic questions, unless the file sets them.
 */
export function createKnowledgeBase(
  knowledge: Knowledge,
  options: KnowledgeBaseOptions = {},
): KnowledgeBase {
  const factory = options.matcherFactory ?? createMatcher;
  const trainer =
    options.matcherTrainer ?? (options.matcherFactory === undefined ? trainMatcher : undefined);
  const topic = describeTopic(knowledge);
  const all = [...knowledge.entries, ...createConversationEntries(topic)];
  const entries = new Map(all.map((entry) => [entry.id, entry]));
  const training: TrainingEntry[] = all.map(trainingEntryOf);
  const matcherOptions = {
    synonyms: knowledge.synonyms,
    ...(knowledge.shorthand !== undefined && { shorthand: knowledge.shorthand }),
  };
  const fixed = knowledge.thresholds;
  const needsCalibration = fixed.answer === undefined || fixed.clarify === undefined;
  const builtIn = options.matcherFactory === undefined && options.matcherTrainer === undefined;
  const cache = builtIn ? options.trainingCache : undefined;
  const slot = cache && {
    cache,
    key: trainingKey(cache, training, matcherOptions, knowledge.offTopic),
  };
  const cached = slot && readCachedTraining(slot.cache, slot.key);

  let matcher: Matcher;
  let calibrated: Thresholds | undefined;
  if (cached && (cached.thresholds !== undefined || !needsCalibration)) {
    matcher = restoreMatcher(training, matcherOptions, cached.state);
    calibrated = cached.thresholds;
  } else {
    // One training (with its cross-validation) serves both the matcher and the thresholds.
    const trained: TrainedMatcher | undefined = trainer?.(training, matcherOptions);
    matcher = trained?.matcher ?? factory(training, matcherOptions);
    calibrated = needsCalibration
      ? chooseThresholds(training, knowledge.offTopic, factory, matcherOptions, trained)
      : undefined;
    if (slot && trained?.state) {
      const { state } = trained;
      writeCachedTraining(
        slot.cache,
        slot.key,
        calibrated ? { state, thresholds: calibrated } : { state },
      );
    }
  }
  const answer = fixed.answer ?? calibrated?.answer ?? 1;
  const clarify = Math.min(answer, fixed.clarify ?? calibrated?.clarify ?? answer);
  // A file that fixes the answer cut-off fixes it for every question, explained or not.
  const answerExplained =
    fixed.answer === undefined ? Math.min(answer, calibrated?.answerExplained ?? answer) : answer;

  const suggestion = (entry: KnowledgeEntry): Suggestion => ({
    entry: entry.id,
    question: entry.questions[0] ?? entry.id,
  });
  const facts = knowledge.entries;
  return {
    knowledge,
    entries,
    matcher,
    thresholds: { answer, clarify, answerExplained },
    thresholdSource: {
      answer: fixed.answer === undefined ? 'calibrated' : 'file',
      clarify: fixed.clarify === undefined ? 'calibrated' : 'file',
    },
    topic,
    suggestion,
    examples: (limit) => spread(facts, limit).map(suggestion),
  };
}

function describeTopic(knowledge: Knowledge): string {
  const titles = [...new Set(knowledge.sources.map((source) => source.title).filter(Boolean))];
  return titles.length > 0 ? titles.join('; ') : 'the topics in my knowledge base';
}

/** Picks `limit` items spread over the list, so examples show the breadth of the knowledge. */
function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, i) => items[Math.floor(i * step)]).filter(
    (item): item is T => item !== undefined,
  );
}
