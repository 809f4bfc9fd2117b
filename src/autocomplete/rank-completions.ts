import type { Suggestion } from '../reply.js';

/** A knowledge entry as autocomplete sees it. */
export interface CompletionCandidate {
  readonly entry: string;
  /** The canonical question first (the one shown), then the entry's other phrasings. */
  readonly questions: readonly string[];
}

export interface RankOptions {
  /**
   * Entry ids in the matcher's order, best first. They break ties, and fill the list after the
   * entries that share the typed words (so a typo still gets suggestions).
   */
  readonly matched?: readonly string[];
  /** At most this many (Discord shows 25). */
  readonly limit?: number;
}

export const COMPLETION_LIMIT = 25;
/** A match in another phrasing counts this much of one in the canonical (shown) question. */
const PHRASING_WEIGHT = 0.8;
/** Discord's limit for a choice's name and value. */
export const COMPLETION_MAX_LENGTH = 100;

/**
 * Questions to offer while the user types, best first. The last word may be half-typed
 * (`troops in ku`): it counts when a word of the question starts with it, and while it is being
 * typed only questions that finish it are ranked (then the matcher's picks). Earlier words count
 * in full when the question has them, half when one of its words starts with them; a match in
 * the canonical question, the one shown, counts more than one in another phrasing. Pure.
 */
export function rankCompletions(
  typed: string,
  candidates: readonly CompletionCandidate[],
  options: RankOptions = {},
): Suggestion[] {
  const limit = Math.min(options.limit ?? COMPLETION_LIMIT, COMPLETION_LIMIT);
  const words = wordsOf(typed);
  if (words.length === 0 || limit <= 0) return [];
  const partial = /\S$/.test(typed) ? words.at(-1) : undefined;
  const whole = partial === undefined ? words : words.slice(0, -1);
  const phrase = words.join(' ');
  const matchedRank = new Map((options.matched ?? []).map((id, index) => [id, index]));

  const scored = candidates.map((candidate, index) => {
    let best = 0;
    for (const [position, question] of candidate.questions.entries()) {
      const own = wordsOf(question);
      if (partial !== undefined && !own.some((word) => word.startsWith(partial))) continue;
      let score = partial === undefined ? 0 : 1;
      for (const word of whole) {
        if (own.includes(word)) score += 1;
        else if (own.some((candidateWord) => candidateWord.startsWith(word))) score += 0.5;
      }
      // The words typed, in order, as a run of the question: the closest match.
      if (` ${own.join(' ')}`.includes(` ${phrase}`)) score += 0.5;
      // The canonical question is what the user sees: a match there beats one in a phrasing.
      best = Math.max(best, position === 0 ? score : score * PHRASING_WEIGHT);
    }
    return { candidate, index, score: best, matched: matchedRank.get(candidate.entry) };
  });
  return scored
    .filter((item) => item.score > 0 || item.matched !== undefined)
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.matched ?? Number.POSITIVE_INFINITY) - (b.matched ?? Number.POSITIVE_INFINITY) ||
        a.index - b.index,
    )
    .slice(0, limit)
    .map(({ candidate }) => ({
      entry: candidate.entry,
      question: shorten(candidate.questions[0] ?? candidate.entry),
    }));
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** At most 100 characters, cut at a space when there is one in the second half. */
function shorten(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= COMPLETION_MAX_LENGTH) return text;
  const room = text.slice(0, COMPLETION_MAX_LENGTH - 1);
  const space = room.lastIndexOf(' ');
  return `${(space > COMPLETION_MAX_LENGTH / 2 ? room.slice(0, space) : room).trimEnd()}…`;
}
