import { at, brokenInvariant } from './checked-read.js';
import { countsUnstated } from './counted-nouns.js';
import { type Counterparts, namesCounterpart } from './counterparts.js';
import { coreCoverage, namesEntry, slotSwapped } from './entry-profiles.js';
import type { AnalyzedText } from './feature-space.js';
import { isQuestionWord, isStopToken } from './normalize.js';
import { namesOtherEntity, placeSwapped, sharesOnlySlots } from './place-slots.js';
import { asksOtherRate } from './rate-units.js';
import { isContentToken, type RoleIndex } from './role-order.js';
import type { CandidateEvidence } from './scored-query.js';
import { asksUnsaidEndPoint } from './stranded-prepositions.js';
import { type TimeRelation, timeRelationConflict } from './time-phrases.js';

/**
 * The evidence about one retrieved entry for one question, from what the scorer learnt about
 * every entry when it was built.
 */

/** What the scorer knows of each entry, by entry index (and of each phrasing, by phrasing). */
export interface EntryKnowledge {
  /** The unigram feature ids each entry's phrasings use. */
  readonly entryWords: readonly ReadonlySet<number>[];
  readonly cores: readonly (readonly string[])[];
  /** How many of each entry's phrasings use each content word; empty unless curated. */
  readonly wordUses: readonly ReadonlyMap<string, number>[];
  /** Core words of so many entries that a question need not say them (`backgroundWords`). */
  readonly background: ReadonlySet<string>;
  readonly rareSlots: readonly ReadonlySet<string>[];
  readonly varying: { readonly entities: Uint8Array; readonly times: Uint8Array };
  readonly roles: RoleIndex;
  /** The time relations (before, after, during) each entry's phrasings use. */
  readonly timeRelations: readonly ReadonlySet<TimeRelation>[];
  /** A curated file of fixed facts (`ScoredQuery.curated`): the slot evidence applies. */
  readonly curated: boolean;
  /** Words that stand in each other's place in the file (`counterpartsOf`). */
  readonly counterparts: Counterparts;
  /** Each entry's core words and its answer's (`spokenWords`). */
  readonly spoken: readonly ReadonlySet<string>[];
  /** Each word a direction ("to", "from") follows in the entry's phrasings, as "transit to". */
  readonly directions: readonly ReadonlySet<string>[];
  /** Each phrasing's distinct content words, as `contentKey` writes them. */
  readonly phrasingContent: readonly string[];
  /** The number and time tokens each entry's answer states ("13000" for "over 13,000"). */
  readonly answerNumbers: readonly ReadonlySet<string>[];
  /** Every number and time some entry's answer states. */
  readonly statedNumbers: ReadonlySet<string>;
  /** The units each entry states a rate in (`rate-units.ts`). */
  readonly rateUnits: readonly ReadonlySet<string>[];
  /** What each entry's answer gives a count of (`counted-nouns.ts`). */
  readonly countedWords: readonly ReadonlySet<string>[];
}

/** A rescored entry: its ranking score and what it was computed from. */
export interface RankedEntry {
  readonly e: number;
  readonly nearest: number;
  readonly centroid: number;
  readonly best: number;
  readonly s: number;
}

/** The question as every candidate sees it. */
export interface QuestionView {
  readonly analysis: AnalyzedText;
  readonly tokens: ReadonlySet<string>;
  /** The tokens without the places a time phrase names (`tokensOutsideTimePhrases`). */
  readonly placeTokens: ReadonlySet<string>;
  /** The time relations (before, after, during) the question uses. */
  readonly timeRelations: ReadonlySet<TimeRelation>;
  /** The word and direction the question ends on ("transition to?"), if any (`strandedPair`). */
  readonly strandedPair: string | undefined;
  /** `contentKey` of the question's tokens. */
  readonly content: string;
  /** The units the question asks a rate in. */
  readonly rateUnits: ReadonlySet<string>;
  /** The words the question counts ("how many bank holidays"), if any. */
  readonly countedNouns: readonly string[];
}

/** How the question's words fall against one entry's vocabulary. */
interface WordShares {
  readonly entryCoverage: number;
  readonly questionWords: number;
  readonly foreignMax: number;
  readonly unknownMax: number;
  readonly foreignNumber: boolean;
}

function wordShares(
  a: AnalyzedText,
  words: ReadonlySet<number>,
  numbers: { readonly own: ReadonlySet<string>; readonly stated: ReadonlySet<string> },
): WordShares {
  let found = 0;
  let total = 0;
  let asks = 0;
  let asked = 0;
  let foreignMax = 0;
  let unknownMax = 0;
  let foreignNumber = false;
  const n = a.tokens.length;
  if (a.tokenIds.length !== n || a.tokenWeights.length !== n || a.tokenCredit.length !== n)
    throw brokenInvariant(`an analysis of ${n} tokens with token arrays of other lengths`);
  // Function words say little about which entry a question is for: "does … have" in a
  // question is no sign of another entry, whichever entries happen to use them.
  // `i` is below `n`, the length of every token array.
  for (let i = 0; i < n; i++)
    if (!isStopToken(a.tokens[i] as string)) total += a.tokenWeights[i] as number;
  for (let i = 0; i < n; i++) {
    const id = a.tokenIds[i] as number;
    const token = a.tokens[i] as string;
    if (isStopToken(token)) continue;
    const number = /^\d/.test(token);
    // A number or time the entry's answer states is the entry's own, though no phrasing says it.
    const has = (id >= 0 && words.has(id)) || numbers.own.has(token);
    if (isQuestionWord(token)) {
      asks++;
      if (has) asked++;
    }
    const w = a.tokenWeights[i] as number;
    if (has) found += w * (a.tokenCredit[i] as number);
    // One only another entry uses, in a phrasing or its answer ("26 weeks" asked of probation),
    // is that entry's figure.
    else if (number && (id >= 0 || numbers.stated.has(token))) foreignNumber = true;
    else if (id < 0) unknownMax = Math.max(unknownMax, total > 0 ? w / total : 0);
    else if (isContentToken(token)) foreignMax = Math.max(foreignMax, total > 0 ? w / total : 0);
  }
  return {
    entryCoverage: total > 0 ? found / total : 0,
    questionWords: asks > 0 ? asked / asks : 1,
    foreignMax,
    unknownMax,
    foreignNumber,
  };
}

const NO_SLOT_EVIDENCE = {
  placeSwap: false,
  otherEntity: false,
  slotsOnly: false,
  counterpartNamed: false,
  unsaidEndPoint: false,
  countUnstated: false,
} as const;

/**
 * The slot evidence only a curated file's result is priced by: a large set of intents never pays
 * for it (`match-result.ts`), so it is not computed there.
 */
function curatedSlots(question: QuestionView, e: number, known: EntryKnowledge) {
  if (!known.curated) return NO_SLOT_EVIDENCE;
  const core = at(known.cores, e);
  const words = at(known.entryWords, e);
  const a = question.analysis;
  const idOf = (token: string): number => {
    const i = a.tokens.indexOf(token);
    return i < 0 ? -1 : (a.tokenIds[i] as number);
  };
  const uses = (token: string): boolean => {
    const id = idOf(token);
    return id >= 0 && words.has(id);
  };
  const spoken = at(known.spoken, e);
  return {
    placeSwap: placeSwapped(core, question.placeTokens, uses),
    otherEntity: namesOtherEntity(a.tokens, (t) => idOf(t) >= 0, uses, spoken, known.background),
    slotsOnly: sharesOnlySlots(core, known.background, a.tokens, uses),
    counterpartNamed: namesCounterpart(question.tokens, known.counterparts, uses, spoken),
    unsaidEndPoint: asksUnsaidEndPoint(at(known.directions, e), question.strandedPair),
    countUnstated: countsUnstated(question.countedNouns, at(known.countedWords, e)),
  };
}

export function candidateEvidence(
  question: QuestionView,
  r: RankedEntry,
  linear: number,
  known: EntryKnowledge,
): CandidateEvidence {
  const shares = wordShares(question.analysis, at(known.entryWords, r.e), {
    own: at(known.answerNumbers, r.e),
    stated: known.statedNumbers,
  });
  const core = at(known.cores, r.e);
  return {
    entry: r.e,
    nearest: r.nearest,
    centroid: r.centroid,
    entryCoverage: shares.entryCoverage,
    questionWords: shares.questionWords,
    phrasing: r.best,
    linear,
    score: r.s,
    foreignMax: shares.foreignMax,
    unknownMax: shares.unknownMax,
    core: coreCoverage(core, question.tokens),
    slotSwap: slotSwapped(core, at(known.rareSlots, r.e), question.tokens, question.placeTokens),
    ...curatedSlots(question, r.e, known),
    namesEntry: namesEntry(core, known.background, question.tokens),
    entitiesVary: at(known.varying.entities, r.e) === 1,
    timesVary: at(known.varying.times, r.e) === 1,
    foreignNumber: shares.foreignNumber,
    otherRate: asksOtherRate(question.rateUnits, at(known.rateUnits, r.e)),
    roleConflict: known.roles.conflicts(r.e, question.analysis),
    timeConflict: timeRelationConflict(at(known.timeRelations, r.e), question.timeRelations),
    sameContent: known.phrasingContent[r.best] === question.content,
  };
}
