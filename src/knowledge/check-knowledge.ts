import type { KnowledgeBase } from '../knowledge-base.js';
import { crossValidate } from '../matcher/cross-validate.js';
import { decide } from '../matcher/decide.js';
import type { MatcherFactory } from '../matcher/matcher.js';

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

export interface CheckProblem {
  readonly level: 'error' | 'warning';
  readonly message: string;
}

export interface KnowledgeCheck {
  readonly entries: readonly EntryAccuracy[];
  readonly confusions: readonly Confusion[];
  readonly duplicates: readonly {
    readonly phrasing: string;
    readonly entries: readonly string[];
  }[];
  readonly offTopicAnswered: readonly {
    readonly question: string;
    readonly entry: string;
    readonly confidence: number;
  }[];
  readonly thresholds: KnowledgeBase['thresholds'];
  readonly thresholdSource: KnowledgeBase['thresholdSource'];
  readonly problems: readonly CheckProblem[];
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
  const training = [...kb.entries.values()].map((entry) => ({
    id: entry.id,
    phrasings: entry.questions,
  }));
  const trials = crossValidate(training, factory, { synonyms: kb.knowledge.synonyms }, folds);
  const factIds = new Set(facts.map((entry) => entry.id));

  const reached = new Map<string, number>();
  const total = new Map<string, number>();
  const confused = new Map<string, { from: string; to: string; examples: string[] }>();
  for (const trial of trials) {
    if (!factIds.has(trial.gold)) continue;
    total.set(trial.gold, (total.get(trial.gold) ?? 0) + 1);
    const top = trial.result.candidates[0]?.entry;
    if (top === trial.gold) {
      reached.set(trial.gold, (reached.get(trial.gold) ?? 0) + 1);
    } else if (top !== undefined) {
      const key = `${trial.gold}→${top}`;
      const pair = confused.get(key) ?? { from: trial.gold, to: top, examples: [] };
      pair.examples.push(trial.text);
      confused.set(key, pair);
    }
  }
  const entries = facts.map((entry) => {
    const n = total.get(entry.id) ?? 0;
    const ok = reached.get(entry.id) ?? 0;
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

  const duplicates = findDuplicates(kb);
  const offTopicAnswered = answeredOffTopic(kb, factIds);

  const problems: CheckProblem[] = [
    ...entries
      .filter((e) => e.accuracy < minAccuracy)
      .map((e) =>
        error(
          `entry "${e.id}": only ${percent(e.accuracy)} of its held-out phrasings reach it (needs ${percent(minAccuracy)}); add phrasings that are specific to it`,
        ),
      ),
    ...duplicates.map((d) =>
      error(
        `phrasing "${d.phrasing}" belongs to ${d.entries.map((id) => `"${id}"`).join(' and ')}; keep it in one entry`,
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
    ...confusions.map((c) =>
      warning(`"${c.from}" is confused with "${c.to}" ${c.count}× (e.g. "${c.examples[0]}")`),
    ),
  ];
  return {
    entries,
    confusions,
    duplicates,
    offTopicAnswered,
    thresholds: kb.thresholds,
    thresholdSource: kb.thresholdSource,
    problems,
  };
}

/** Phrasings that normalise to the same text in more than one entry. */
function findDuplicates(kb: KnowledgeBase): KnowledgeCheck['duplicates'] {
  const owners = new Map<string, Set<string>>();
  for (const entry of kb.entries.values()) {
    for (const question of entry.questions) {
      const normalized = kb.matcher.match(question, 1).normalized;
      const set = owners.get(normalized) ?? new Set<string>();
      set.add(entry.id);
      owners.set(normalized, set);
    }
  }
  return [...owners]
    .filter(([, ids]) => ids.size > 1)
    .map(([phrasing, ids]) => ({ phrasing, entries: [...ids] }));
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
