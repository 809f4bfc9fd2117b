import { editDistance, maxEditsFor } from './edit-budget.js';

/**
 * Synonyms of more than one word ("keep going" for "continue", "war in Gaza" for "Gaza war"):
 * each is rewritten, in the cleaned text, to one form of its group, so the group's words are the
 * same tokens wherever they appear. Single words are mapped later, token by token.
 */

/** The form a group's phrases are written as: its first single word, else its first phrase. */
function representative(cleaned: readonly string[]): string | undefined {
  return cleaned.find((w) => !w.includes(' ')) ?? cleaned[0];
}

/**
 * Whether a typed word is the phrase's word, allowing the typos the corrector allows. The phrase
 * is rewritten before typo correction, which could not repair it afterwards: the misspelt phrase
 * would keep words the rewritten phrasings no longer use.
 */
function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  const edits = maxEditsFor(word.length);
  if (edits === 0 || typed[0] !== word[0] || Math.abs(typed.length - word.length) > edits)
    return false;
  return editDistance(typed, word) <= edits;
}

/**
 * The group's phrases, and for a phrase that is a member word with a tail ("vacation days" beside
 * "vacation"), the tail after every other member too: "holiday days" says what "vacation days"
 * says, and left alone its "days" would be a word the rewritten phrasings never have.
 */
function withMembersAsHead(cleaned: readonly string[]): string[] {
  const singles = new Set(cleaned.filter((w) => !w.includes(' ')));
  const out = [...cleaned];
  for (const w of cleaned) {
    const [head, ...tail] = w.split(' ');
    if (tail.length === 0 || head === undefined || !singles.has(head)) continue;
    for (const m of cleaned) if (m !== head) out.push(`${m} ${tail.join(' ')}`);
  }
  return out;
}

interface Phrase {
  readonly words: readonly string[];
  readonly replacement: string;
}

function phrasesOf(groups: readonly (readonly string[])[], clean: (text: string) => string) {
  const phrases = new Map<string, Phrase>();
  for (const group of groups) {
    const cleaned = group.map(clean).filter(Boolean);
    const rep = representative(cleaned);
    if (rep === undefined) continue;
    for (const w of withMembersAsHead(cleaned))
      if (w.includes(' ') && w !== rep && !phrases.has(w))
        phrases.set(w, { words: w.split(' '), replacement: rep });
  }
  // The longest phrase wins where two start at the same word.
  return [...phrases.values()].sort((a, b) => b.words.length - a.words.length);
}

/**
 * A rewrite of cleaned text (lower case, words separated by single spaces) replacing every
 * multi-word synonym by its group's representative.
 */
export function createPhraseRewriter(
  groups: readonly (readonly string[])[],
  clean: (text: string) => string,
): (cleaned: string) => string {
  const phrases = phrasesOf(groups, clean);
  if (phrases.length === 0) return (cleaned) => cleaned;
  // A phrase can start only at a word with its first letter (`sameWord` keeps the first letter):
  // most words of a long message are passed over with one lookup.
  const byLetter = new Map<string, Phrase[]>();
  for (const phrase of phrases) {
    const letter = phrase.words[0]?.[0] ?? '';
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), phrase]);
  }
  return (cleaned) => {
    const words = cleaned.split(' ');
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const found = byLetter
        .get(words[i]?.[0] ?? '')
        ?.find((p) => p.words.every((w, j) => sameWord(words[i + j] ?? '', w)));
      out.push(found?.replacement ?? (words[i] as string));
      i += found?.words.length ?? 1;
    }
    return out.join(' ');
  };
}
