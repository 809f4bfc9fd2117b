import { isStopToken } from './normalize.js';

/**
 * A question that ends on a preposition of direction ("what will the mission transition to?",
 * "where do the militias get their money from?") asks for the end point of the word before it:
 * an entry answers that only if its phrasings say where that word leads. "Will the mission
 * transition?" shares every other word, and its answer names no end point.
 */

const DIRECTIONS: ReadonlySet<string> = new Set(['to', 'into', 'onto', 'from']);
/** How far after its word a phrasing may put the preposition ("send the claim form to"). */
const REACH = 4;

/** The word and the preposition a text's tokens end on, as "transit to", if they do. */
export function strandedPair(tokens: readonly string[]): string | undefined {
  const last = tokens[tokens.length - 1];
  const word = tokens[tokens.length - 2];
  if (last === undefined || word === undefined || !DIRECTIONS.has(last) || isStopToken(word))
    return undefined;
  return `${word} ${last}`;
}

/** Each pair of a word and a direction that follows it in a phrasing of the entry. */
function pairsOf(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  tokens.forEach((t, i) => {
    if (!DIRECTIONS.has(t)) return;
    for (let j = Math.max(0, i - REACH); j < i; j++) {
      const word = tokens[j] as string;
      if (!isStopToken(word)) pairs.push(`${word} ${t}`);
    }
  });
  return pairs;
}

/** The word-and-direction pairs each entry's phrasings use. */
export function entryDirections(
  phrasingTokens: readonly (readonly string[])[],
  phrasingEntry: readonly number[],
  entryCount: number,
): ReadonlySet<string>[] {
  const used = Array.from({ length: entryCount }, () => new Set<string>());
  phrasingTokens.forEach((tokens, d) => {
    for (const pair of pairsOf(tokens)) used[phrasingEntry[d] ?? -1]?.add(pair);
  });
  return used;
}

/** The question asks where a word leads, and no phrasing of the entry says it does. */
export function asksUnsaidEndPoint(
  entry: ReadonlySet<string>,
  question: string | undefined,
): boolean {
  return question !== undefined && !entry.has(question);
}
