import { isVerbNotNoun } from './english-words.js';
import type { TrainingEntry } from './matcher.js';
import { isStopToken, type Normalizer } from './normalize.js';

/**
 * What a question counts ("how many bank holidays") and what an entry gives a count of (the
 * words after a number in its answer, and what its phrasings count). An entry whose answer says
 * "25 days of paid holiday, plus bank holidays" gives no number of bank holidays, however well
 * the words match: the question asks a figure the knowledge does not state.
 */

/** Words of a count run read before the counted noun ("how many U.S. troops", "20 working days"). */
const RUN_LIMIT = 4;

/**
 * Counts of these say nothing about what is counted ("how many times", "how many people were
 * hurt"): the entry's numbers may count them under another name.
 */
const GENERIC_COUNTS = new Set(['time', 'peopl', 'person', 'on', 'thing']);

/** Joins two counted nouns into one run ("up to 2 partners or family members"). */
const JOINERS = new Set(['or', 'and']);

/** The tokens of the run from `from`: the content tokens before the next function word. */
function runFrom(tokens: readonly string[], from: number): string[] {
  const run: string[] = [];
  for (let i = from; i < tokens.length && run.length < RUN_LIMIT; i++) {
    const t = tokens[i] as string;
    if (JOINERS.has(t) && run.length > 0) continue;
    if (isStopToken(t) || t === 'per' || /^\d/.test(t)) break;
    run.push(t);
  }
  return run;
}

/**
 * The words a question counts ("how many U.S. troops Bahrain hosts" → "us troop bahrain"): the
 * run after "how many", empty when it counts nothing in particular.
 */
export function countedNouns(
  tokens: readonly string[],
  surfaces: readonly string[],
): readonly string[] {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i] !== 'how' || tokens[i + 1] !== 'mani') continue;
    // "how many died", "how many were injured": the count is of whoever the entry names.
    if (isVerbNotNoun(surfaces[i + 2] ?? '')) return [];
    const run = runFrom(tokens, i + 2);
    return run.some((t) => GENERIC_COUNTS.has(t)) ? [] : run;
  }
  return [];
}

/** Every word that follows a number in the tokens, up to the next function word. */
function wordsAfterNumbers(tokens: readonly string[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (/^\d/.test(t)) out.push(...runFrom(tokens, i + 1));
  });
  return out;
}

/**
 * What each entry gives a count of: the words after its answer's numbers. Not its phrasings':
 * "how many days holiday" counts days, and the run's last word would say holiday.
 */
export function entryCountedWords(
  entries: readonly TrainingEntry[],
  normalizer: Normalizer,
): readonly ReadonlySet<string>[] {
  const tokensOf = (text: string) => normalizer.words(text).map((w) => w.token);
  return entries.map((e) => new Set(wordsAfterNumbers(tokensOf(e.answer ?? ''))));
}

/** Whether the question counts something the entry gives no number of. */
export function countsUnstated(nouns: readonly string[], entry: ReadonlySet<string>): boolean {
  return nouns.length > 0 && entry.size > 0 && !nouns.some((n) => entry.has(n));
}
