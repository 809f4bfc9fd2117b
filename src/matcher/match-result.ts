import { featuresOf } from './calibration-features.js';
import type { Calibrator } from './calibrator.js';
import type { Candidate, MatchResult, TrainingEntry } from './matcher.js';
import type { CandidateEvidence, ScoredQuery } from './scored-query.js';
import { anotherNumber, swapsCoreWord, vagueness } from './vague-reasons.js';

/**
 * A scored question turned into the matcher's result: calibrated confidences, adjusted for what
 * calibration cannot see (an exact phrasing, reversed roles, another slot value or detail), and
 * the reason it is vague. Apart from the matcher because held-out questions go through the same
 * step at training time.
 */

/**
 * Confidence kept by a candidate whose roles the question reverses: it may still be offered,
 * never answered.
 */
const ROLE_CONFLICT_SCALE = 0.5;
/**
 * Confidence kept when the question names a slot value the entry does not have: a place, role,
 * time or number the knowledge never uses, or a number only other entries use. Cross-validation
 * cannot learn this price: curated phrasings vary such words freely.
 */
const SLOT_MISMATCH_SCALE = 0.7;

/**
 * Confidence kept when the question adds a word the knowledge never uses and lacks one the
 * entry's phrasings share ("parking at the London office" asked of the London office hours), or
 * asks about that word ("the bike scheme for an e-scooter").
 */
const OTHER_DETAIL_SCALE = 0.7;

/**
 * A question that is one of an entry's own phrasings, word for word after normalisation, is that
 * entry's question: cross-validation never sees such a match, so calibration cannot price it.
 */
const EXACT_PHRASING_CONFIDENCE = 0.99;
const EXACT_COSINE = 0.9999;

const isExact = (c: CandidateEvidence) => c.nearest >= EXACT_COSINE && c.sameContent;

/**
 * Share of a question's weight from which one unseen word is another detail asked of, even
 * with all of the entry's core words there ("can I opt out of the pension").
 */
const UNSEEN_DETAIL_SHARE = 0.25;

/** The question names a slot value (place, person, number, rate, time, end point) the entry has not. */
function namesOtherSlot(c: CandidateEvidence): boolean {
  return (
    c.foreignNumber ||
    c.slotSwap ||
    c.placeSwap ||
    c.otherEntity ||
    c.slotsOnly ||
    c.counterpartNamed ||
    c.otherRate ||
    c.countUnstated ||
    c.timeConflict ||
    c.unsaidEndPoint
  );
}

/** How much of its calibrated confidence a candidate keeps, for what calibration cannot see. */
function keptShare(c: CandidateEvidence, scored: ScoredQuery): number {
  let share = c.roleConflict ? ROLE_CONFLICT_SCALE : 1;
  if (!scored.curated) return share;
  const unseenTime = scored.unseenSlot === 'time' && !c.timesVary;
  if (unseenTime || namesOtherSlot(c)) share *= SLOT_MISMATCH_SCALE;
  const detail = c.core < 1 || scored.unseenObject || c.unknownMax >= UNSEEN_DETAIL_SHARE;
  if (c.unknownMax > 0 && detail) share *= OTHER_DETAIL_SCALE;
  return share;
}

/**
 * Whether the entry explains every word of the question (see `Candidate.explained`) and the
 * question says what sets the entry apart. Typo credit below 1 is allowed: a corrected
 * word is still the entry's word.
 */
function isExplained(c: CandidateEvidence, scored: ScoredQuery): boolean {
  return (
    c.unknownMax === 0 &&
    c.foreignMax === 0 &&
    !c.roleConflict &&
    !namesOtherSlot(c) &&
    c.namesEntry &&
    c.questionWords === 1 &&
    scored.unseenSlot === undefined
  );
}

export function toResult(
  scored: ScoredQuery,
  calibrator: Calibrator,
  entries: readonly TrainingEntry[],
  phrasings: readonly string[],
  limit: number,
  openSlots = true,
): MatchResult {
  const features = featuresOf(scored);
  const ranked = scored.candidates
    .map((c, rank) => ({
      c,
      candidate: {
        entry: entries[c.entry]?.id ?? '',
        confidence: isExact(c)
          ? Math.max(EXACT_PHRASING_CONFIDENCE, calibrator.probability(features[rank] ?? []))
          : calibrator.probability(features[rank] ?? []) * keptShare(c, scored),
        phrasing: phrasings[c.phrasing] ?? '',
        ...(isExplained(c, scored) && { explained: true }),
        ...((namesOtherSlot(c) || c.roleConflict) && { otherSlot: true }),
        ...(c.namesEntry && { named: c.core >= 1 ? ('wholly' as const) : ('partly' as const) }),
      },
    }))
    .sort((a, b) => b.candidate.confidence - a.candidate.confidence);
  const candidates: Candidate[] = ranked.slice(0, limit).map((r) => r.candidate);
  // Another subject and an open slot are reasons to decline or ask back, not evidence about the
  // confidence: they are left out of the held-out results thresholds are chosen on
  // (`openSlots` false there).
  const top = ranked[0]?.c;
  const exact = top !== undefined && isExact(top);
  const otherSubject =
    (scored.unseenSlot === 'entity' && top?.entitiesVary !== true) ||
    anotherNumber(top, ranked[1]?.c);
  const vague = !openSlots
    ? vagueness(scored.content, top)
    : scored.curated && otherSubject && !exact
      ? ('other-subject' as const)
      : scored.curated && swapsCoreWord(top) && !exact
        ? ('swapped-word' as const)
        : scored.openSlot && !exact
          ? ('open-slot' as const)
          : vagueness(scored.content, top);
  const bare =
    scored.curated && scored.withoutUnseenTimes !== undefined
      ? { withoutUnseenTimes: scored.withoutUnseenTimes }
      : {};
  if (vague !== 'open-slot')
    return { normalized: scored.normalized, candidates, ...(vague && { vague }), ...bare };
  // The slot is between the scorer's two best entries (full-time / part-time holiday), whatever
  // the calibration made of the second: both are offered, however far down it ranks.
  const pair = new Set(scored.candidates.slice(0, 2).map((c) => entries[c.entry]?.id));
  const siblings = ranked.map((r) => r.candidate).filter((c) => pair.has(c.entry));
  return { normalized: scored.normalized, candidates, vague, siblings, ...bare };
}
