import type { KnowledgeBase } from '../knowledge-base.js';
import { countOf, increment } from '../matcher/counts.js';
import { crossValidate } from '../matcher/cross-validate.js';
import { decide } from '../matcher/decide.js';
import type { MatcherFactory } from '../matcher/matcher.js';
import { trainingEntryOf } from './training-entries.js';

export interface EntryAccuracy {
  readonly id: string;
  readonly phrasings: number;
  /** Held-out phrasings whose best match is still their own entry. */
  readonly reached: number;
  readonly accuracy: number;
}

export interface Confusion {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/** Phrasings of different entries that the matcher reads as the same text. */
export interface SharedPhrasing {
  /** The form the matcher compares (stemmed, synonyms mapped): why they collide. */
  readonly phrasing: string;
  readonly entries: readonly string[];
  /** Each phrasing as written in the file, with where it is. */
  readonly written: readonly PhrasingPlace[];
}

export interface PhrasingPlace {
  readonly text: string;
  readonly entry: string;
  readonly file?: string;
  readonly line?: number;
}

export interface CheckProblem {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export interface KnowledgeCheck {
  readonly entries: readonly EntryAccuracy[];
  readonly confusions: readonly Confusion[];
  readonly duplicates: readonly SharedPhrasing[];
  /** Entries marked `review: generated` by `kb import`, still to be read by a person. */
  readonly toReview: readonly {
    readonly id: string;
    readonly file?: string;
    readonly line?: number;
  }[];
  readonly offTopicAnswered: readonly {
    readonly question: string;
    readonly entry: string;
    readonly confidence: number;
  }[];
  readonly thresholds: KnowledgeBase['thresholds'];
  /**
   * What the held-out phrasings predict at the chosen thresholds, as shares of them: answered
   * with their entry, answered with another, clarified offering their entry, or neither.
   */
  readonly predicted: PredictedOutcomes;
  readonly thresholdSource: KnowledgeBase['thresholdSource'];
  readonly problems: readonly CheckProblem[];
}

export interface PredictedOutcomes {
  readonly answeredRight: number;
  readonly answeredWrong: number;
  readonly clarifiedRight: number;
  readonly declined: number;
}

/** Held-out trials decided at the thresholds, as shares of the trials. */
function predictOutcomes(
  trials: readonly { readonly gold: string; readonly result: Parameters<typeof decide>[0] }[],
  thresholds: KnowledgeBase['thresholds'],
): PredictedOutcomes {
  let right = 0;
  let wrong = 0;
  let clarified = 0;
  for (const trial of trials) {
    const decision = decide(trial.result, thresholds);
    const offered = decision.candidates.some((c) => c.entry === trial.gold);
    if (decision.kind === 'answer') {
      if (offered) right++;
      else wrong++;
    } else if (decision.kind === 'clarify' && offered) clarified++;
  }
  const n = Math.max(1, trials.length);
  return {
    answeredRight: right / n,
    answeredWrong: wrong / n,
    clarifiedRight: clarified / n,
    declined: (trials.length - right - wrong - clarified) / n,
  };
}

export interface CheckConfig {
  /** An entry whose held-out phrasings reach it less often than this is an error. */
  readonly minAccuracy: number;
  /** Fewer phrasings than this is a warning: the entry is thin, though valid. */
  readonly recommendedPhrasings: number;
  readonly folds: number;
}

export const defaultCheckConfig = {
  minAccuracy: 0.8,
  recommendedPhrasings: 8,
  folds: 5,
} as const satisfies CheckConfig;

/**
 * Evaluates a knowledge base against itself: does each phrasing, held out, still reach its entry?
 * Which entries get confused, which phrasings are duplicated across entries, and does any
 * off-topic question get answered? Errors mean the file should not ship; warnings are advice.
 */
export function checkKnowledge(
  kb: KnowledgeBase,
  factory: MatcherFactory,
  config: Partial<CheckConfig> = {},
): KnowledgeCheck {
  const { minAccuracy, recommendedPhrasings, folds } = { ...defaultCheckConfig, ...config };
  const facts = kb.knowledge.entries;
  const training = [...kb.entries.values()].map(trainingEntryOf);
  const trials = crossValidate(
    training,
    factory,
    {
      synonyms: kb.knowledge.synonyms,
      ...(kb.knowledge.shorthand !== undefined && { shorthand: kb.knowledge.shorthand }),
    },
    folds,
  );
  const factIds = new Set(facts.map((entry) => entry.id));

  const reached = new Map<string, number>();
  const total = new Map<string, number>();
  const confused = new Map<string, { from: string; to: string; examples: string[] }>();
  for (const trial of trials) {
    if (!factIds.has(trial.gold)) continue;
    increment(total, trial.gold);
    const top = trial.result.candidates[0]?.entry;
    if (top === trial.gold) {
      increment(reached, trial.gold);
    } else if (top !== undefined) {
      const key = `${trial.gold}→${top}`;
      const pair = confused.get(key) ?? { from: trial.gold, to: top, examples: [] };
      pair.examples.push(trial.text);
      confused.set(key, pair);
    }
  }
  const entries = facts.map((entry) => {
    const n = countOf(total, entry.id);
    const ok = countOf(reached, entry.id);
    return {
      id: entry.id,
      phrasings: entry.questions.length,
      reached: ok,
      accuracy: n === 0 ? 1 : ok / n,
    };
  });
  const confusions = [...confused.values()]
    .map((pair) => ({ ...pair, count: pair.examples.length }))
    .sort((a, b) => b.count - a.count);

  const duplicates = sharedPhrasings(kb);
  const toReview = facts
    .filter((entry) => entry.review === 'generated')
    .map(({ id, origin }) => ({ id, ...(origin && { file: origin.file, line: origin.line }) }));
  const offTopicAnswered = answeredOffTopic(kb, factIds);

  const found = { entries, duplicates, offTopicAnswered, toReview, confusions };
  const problems = problemsOf(found, minAccuracy, recommendedPhrasings);
  return {
    entries,
    confusions,
    duplicates,
    toReview,
    offTopicAnswered,
    thresholds: kb.thresholds,
    predicted: predictOutcomes(
      trials.filter((t) => factIds.has(t.gold)),
      kb.thresholds,
    ),
    thresholdSource: kb.thresholdSource,
    problems,
  };
}

/** Errors (the file should not ship) first, then warnings (advice), each saying what to do. */
function problemsOf(
  found: Pick<
    KnowledgeCheck,
    'entries' | 'duplicates' | 'offTopicAnswered' | 'toReview' | 'confusions'
  >,
  minAccuracy: number,
  recommendedPhrasings: number,
): CheckProblem[] {
  const { entries, duplicates, offTopicAnswered, toReview, confusions } = found;
  return [
    ...entries
      .filter((e) => e.accuracy < minAccuracy)
      .map((e) =>
        error(
          `entry "${e.id}": only ${percent(e.accuracy)} of its held-out phrasings reach it (needs ${percent(minAccuracy)}); add phrasings that are specific to it`,
        ),
      ),
    ...duplicates.map((d) =>
      error(
        `${d.written.map(describePlace).join(' and ')} read the same to the matcher ("${d.phrasing}"); keep the question in one entry`,
      ),
    ),
    ...offTopicAnswered.map((o) =>
      error(
        `off-topic question "${o.question}" is answered with "${o.entry}" (confidence ${o.confidence.toFixed(2)}); make that entry's phrasings more specific or raise thresholds.answer`,
      ),
    ),
    ...entries
      .filter((e) => e.phrasings < recommendedPhrasings)
      .map((e) =>
        warning(
          `entry "${e.id}" has ${e.phrasings} phrasings; ${recommendedPhrasings} or more (casual, terse, misspelt) make it easier to reach`,
        ),
      ),
    ...toReview.map((r) =>
      warning(
        `entry "${r.id}"${r.file ? ` (${r.file}:${r.line})` : ''} has generated phrasings: read them, fix any that are wrong, then remove "review: generated"`,
      ),
    ),
    ...confusions.map((c) =>
      warning(`"${c.from}" is confused with "${c.to}" ${c.count}× (e.g. "${c.examples[0]}")`),
    ),
  ];
}

/** Phrasings of different entries that normalise to the same text, each as written and where. */
function sharedPhrasings(kb: KnowledgeBase): SharedPhrasing[] {
  const byForm = new Map<string, PhrasingPlace[]>();
  for (const entry of kb.entries.values()) {
    entry.questions.forEach((text, i) => {
      const normalized = kb.matcher.match(text, 1).normalized;
      const line = entry.origin?.questionLines?.[i] ?? entry.origin?.line;
      const place: PhrasingPlace = {
        text,
        entry: entry.id,
        ...(entry.origin && { file: entry.origin.file }),
        ...(line !== undefined && { line }),
      };
      byForm.set(normalized, [...(byForm.get(normalized) ?? []), place]);
    });
  }
  return [...byForm].flatMap(([phrasing, places]) => {
    const entries = [...new Set(places.map((p) => p.entry))];
    if (entries.length < 2) return [];
    // One place per entry: the collision is between entries, not within one.
    const written = entries.flatMap((id) => places.find((p) => p.entry === id) ?? []);
    return [{ phrasing, entries, written }];
  });
}

function describePlace(place: PhrasingPlace): string {
  const where =
    place.file === undefined ? 'built in' : `${place.file}${place.line ? `:${place.line}` : ''}`;
  return `"${place.text}" (entry "${place.entry}", ${where})`;
}

/** The file's off-topic questions that the bot would answer with a fact. */
function answeredOffTopic(
  kb: KnowledgeBase,
  factIds: ReadonlySet<string>,
): KnowledgeCheck['offTopicAnswered'] {
  return kb.knowledge.offTopic.flatMap((question) => {
    const decision = decide(kb.matcher.match(question), kb.thresholds);
    const top = decision.candidates[0];
    return decision.kind === 'answer' && top && factIds.has(top.entry)
      ? [{ question, entry: top.entry, confidence: top.confidence }]
      : [];
  });
}

const error = (message: string): CheckProblem => ({ level: 'error', message });
const warning = (message: string): CheckProblem => ({ level: 'warning', message });
const percent = (value: number) => `${Math.round(value * 100)}%`;
