import stopwords from 'natural/lib/natural/util/stopwords.js';
import {
  numberQuestions,
  type QuestionContext,
  saidQuestions,
  tidy,
  topicOf,
} from './document-questions.js';
import type { ImportedEntry } from './imported-entry.js';
import { type SentenceFacts, sentenceFacts } from './sentence-facts.js';
import { splitSentences } from './sentences.js';

const STOPWORDS: ReadonlySet<string> = new Set(stopwords.words);
/** "SEE MORE:", "UPDATE:": a label before a headline is not part of what it says. */
const LABEL = /^\p{Lu}[\p{Lu}\s]+:\s+/u;

interface Speakers {
  /** Full names met so far, so "Slim said" is Randa Slim and "she said" the last one named. */
  readonly known: string[];
  last?: { readonly speaker: string; readonly attribution: string } | undefined;
}

/**
 * One entry per sentence that gives a number, a quotation or an attribution. The sentence is the
 * verbatim source; the answer is the sentence, credited to whom it credits or to the publication.
 */
export function importDocument(text: string, publication: string): ImportedEntry[] {
  const speakers: Speakers = { known: [] };
  const context: QuestionContext = { lastUnit: undefined };
  const entries: ImportedEntry[] = [];
  for (const { text: raw, line } of splitSentences(text)) {
    const sentence = raw.replace(LABEL, '').replace(/^#+\s*/, '');
    const facts = sentenceFacts(sentence);
    const voice = resolveVoice(facts, sentence, speakers);
    if (facts.numbers.length === 0 && facts.quotes.length === 0 && voice === undefined) continue;
    const attribution = voice?.attribution ?? facts.attribution ?? publication;
    const questions = [
      ...facts.numbers.flatMap((n) => numberQuestions(sentence, n, context)),
      ...(voice ? saidQuestions(facts, sentence, voice.speaker) : []),
      ...creditedQuestions(facts, sentence),
      ...paddingQuestions(sentence, publication),
    ].map(tidy);
    entries.push({
      idHint: keywords(sentence).slice(0, 5).join(' '),
      questions,
      answer: answerOf(sentence, facts, voice, publication),
      attribution,
      source: sentence,
      ...(voice && { speaker: voice.speaker }),
      line,
    });
  }
  return entries;
}

/** Who speaks in the sentence, with names and pronouns resolved against the ones met before. */
function resolveVoice(facts: SentenceFacts, sentence: string, speakers: Speakers) {
  const quoteOnly = facts.quotes.length > 0 && /^["“][^"”]*["”]$/.test(sentence);
  if (facts.speaker === undefined) {
    // A sentence that is all quotation, right after a quoted speaker, continues what they said.
    const last = quoteOnly ? speakers.last : undefined;
    speakers.last = last;
    return last;
  }
  const pronoun = /^(she|he|they)$/.test(facts.speaker);
  const speaker = pronoun
    ? speakers.last?.speaker
    : (speakers.known.find((name) => name.endsWith(` ${facts.speaker}`)) ?? facts.speaker);
  if (speaker === undefined) return undefined;
  if (!speakers.known.includes(speaker)) speakers.known.push(speaker);
  const attribution =
    facts.attribution && facts.attribution.length > speaker.length ? facts.attribution : speaker;
  speakers.last = { speaker, attribution };
  return speakers.last;
}

function answerOf(
  sentence: string,
  facts: SentenceFacts,
  voice: { speaker: string; attribution: string } | undefined,
  publication: string,
): string {
  const ended = /[.!?]["”]?$/.test(sentence) ? sentence : `${sentence}.`;
  if (facts.attribution !== undefined || (voice && facts.speaker !== undefined)) return ended;
  if (voice) return `${voice.attribution} also said: ${ended}`;
  const [first = '', ...rest] = ended.split(' ');
  const lowered = STOPWORDS.has(first.toLowerCase()) ? first.toLowerCase() : first;
  return `According to ${publication}, ${[lowered, ...rest].join(' ')}`;
}

/** "According to the U.S. Department of Defense, …": what does that source say about the topic? */
function creditedQuestions(facts: SentenceFacts, sentence: string): string[] {
  if (facts.attribution === undefined || facts.speaker !== undefined) return [];
  const topic = topicOf(sentence.replace(/^.*?,\s*/, ''));
  return topic ? [`What does ${facts.attribution} say about ${topic}?`] : [];
}

/** Plain forms over the sentence's key words, so every entry has enough phrasings to be learnt. */
function paddingQuestions(sentence: string, publication: string): string[] {
  const key = keywords(sentence);
  const topic = topicOf(sentence) ?? key.slice(0, 4).join(' ');
  return [
    `What does ${publication} say about ${topic}?`,
    `${key.slice(0, 6).join(' ')}?`,
    `tell me about ${topic}`,
    `${key.slice(0, 3).join(' ')}`,
    `info on ${key.slice(0, 5).join(' ')}`,
    `what about ${key.slice(-4).join(' ')}?`,
  ];
}

/** The sentence's content words in order: no stop words, no punctuation. */
function keywords(sentence: string): string[] {
  return sentence
    .replace(/["“”]/g, '')
    .split(/(?:(?<!\d),|,(?!\d)|[^\p{L}\p{N}.,'’-])+/u)
    .map((w) => (/^(?:\p{Lu}\.)+$/u.test(w) ? w : w.replace(/^[.,'’-]+|[.,'’-]+$/g, '')))
    .filter((w) => w !== '' && !STOPWORDS.has(w.toLowerCase()));
}
