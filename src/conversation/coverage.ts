import type { Knowledge, KnowledgeEntry } from '../knowledge/knowledge.js';
import { createNormalizer, isQuestionWord, isStopToken } from '../matcher/normalize.js';

/**
 * Whether an entry gives what a follow-up asks. Context must never make a wrong answer: "and how
 * many were killed?" after the injuries of 2020 rewrites to a question the matcher still answers
 * with the injuries entry, because the rest of the sentence fits. The follow-up's own words are what
 * it asks for, so each word the knowledge knows elsewhere (or any number: another year) must be
 * in the entry's own vocabulary for the entry to answer it.
 */
export interface Coverage {
  /** The words of `text` the entry says nothing about; empty when the entry covers them all. */
  uncovered(text: string, entry: KnowledgeEntry): readonly string[];
  /** Whether `text` names the entry's subject or speaker, or a number the entry gives. */
  names(text: string, entry: KnowledgeEntry): boolean;
  /**
   * Whether `text` is too short to be asked on its own: one word the knowledge knows, at most,
   * and no subject or speaker named ("how many injured?", "and the deaths?").
   */
  elliptical(text: string): boolean;
  /** Whether `text` asks for something (a word the knowledge knows) and the entry gives all of it. */
  covers(text: string, entry: KnowledgeEntry): boolean;
  /**
   * Whether `text` asks for something (a word the knowledge knows) and the entry's answer itself
   * says all of it: what someone is quoted saying, not what the passage around it adds.
   */
  answerCovers(text: string, entry: KnowledgeEntry): boolean;
  /** Whether every content word of `text`, known to the knowledge or not, is a word of `within`. */
  saidWithin(text: string, within: string): boolean;
}

// Words that carry no slot of their own in a follow-up: pronouns, joiners and "how many". Compared
// as the normaliser writes them ("many" is "mani"), like every other token here.
const FOLLOW_UP_WORDS = [
  'and',
  'but',
  'also',
  'so',
  'ok',
  'okay',
  'about',
  'many',
  'much',
  'she',
  'he',
  'her',
  'him',
  'his',
  'it',
  'they',
  'them',
  'their',
  'there',
  'that',
  'this',
  'one',
];

export function createCoverage(knowledge: Knowledge): Coverage {
  const normalizer = createNormalizer({ synonyms: knowledge.synonyms });
  const tokens = (text: string | undefined): string[] =>
    text === undefined ? [] : normalizer.words(text).map((word) => word.token);
  const vocabularyOf = perEntry((entry) =>
    [...entry.questions, entry.answer, entry.passage, entry.subject, entry.speaker].flatMap(tokens),
  );
  const answerWordsOf = perEntry((entry) => tokens(entry.answer));
  const followUpWords = new Set(FOLLOW_UP_WORDS.map((word) => normalizer.tokenOf(word)));
  const people = new Set(knowledge.entries.map((entry) => entry.speaker));
  const known = new Set([
    ...knowledge.entries.flatMap((entry) => [...vocabularyOf(entry)]),
    ...knowledge.offTopic.flatMap(tokens),
  ]);
  const asks = (token: string): boolean =>
    !isStopToken(token) &&
    !isQuestionWord(token) &&
    !followUpWords.has(token) &&
    (known.has(token) || /\d/.test(token));

  // Every subject and speaker, tokenised once: what a message can say it is about.
  const named = [
    ...new Set(knowledge.entries.flatMap((entry) => [entry.subject, entry.speaker])),
  ].flatMap((name) =>
    name === undefined ? [] : [{ name: tokens(name), person: people.has(name) }],
  );
  // A name is mentioned in full or, for people, by surname ("Slim").
  const mentions = (words: readonly string[], name: readonly string[], person: boolean) =>
    name.length > 0 &&
    (name.every((token) => words.includes(token)) || (person && words.includes(name.at(-1) ?? '')));
  const uncovered = (text: string, entry: KnowledgeEntry): string[] => {
    const vocabulary = vocabularyOf(entry);
    return [...new Set(tokens(text))].filter((token) => asks(token) && !vocabulary.has(token));
  };
  return {
    uncovered,
    covers: (text, entry) => tokens(text).some(asks) && uncovered(text, entry).length === 0,
    answerCovers(text, entry) {
      const said = answerWordsOf(entry);
      const asked = tokens(text).filter(asks);
      return asked.length > 0 && asked.every((token) => said.has(token));
    },
    saidWithin(text, within) {
      const allowed = new Set(tokens(within));
      return tokens(text)
        .filter((t) => !isStopToken(t) && !isQuestionWord(t) && !followUpWords.has(t))
        .every((t) => allowed.has(t));
    },
    elliptical(text) {
      const words = tokens(text);
      if (new Set(words.filter(asks)).size > 1) return false;
      return !named.some(({ name, person }) => mentions(words, name, person));
    },
    names(text, entry) {
      const words = tokens(text);
      const vocabulary = vocabularyOf(entry);
      if (words.some((token) => /\d/.test(token) && vocabulary.has(token))) return true;
      const person = entry.subject !== undefined && people.has(entry.subject);
      return (
        (entry.subject !== undefined && mentions(words, tokens(entry.subject), person)) ||
        (entry.speaker !== undefined && mentions(words, tokens(entry.speaker), true))
      );
    },
  };
}

/** A set of tokens per entry, computed the first time an entry is asked about. */
function perEntry(
  tokensOf: (entry: KnowledgeEntry) => readonly string[],
): (entry: KnowledgeEntry) => ReadonlySet<string> {
  const sets = new Map<string, ReadonlySet<string>>();
  return (entry) => {
    let set = sets.get(entry.id);
    if (set === undefined) {
      set = new Set(tokensOf(entry));
      sets.set(entry.id, set);
    }
    return set;
  };
}
