/**
 * What makes a sentence worth an entry: the numbers it gives, the words it quotes, and who it
 * attributes them to ("said X", "X said", "according to X", "compiled by X").
 */
export interface SentenceFacts {
  readonly numbers: readonly NumberMention[];
  readonly quotes: readonly string[];
  /** Who the sentence itself credits, as written ("Deputy Press Secretary Sabrina Singh"). */
  readonly attribution?: string;
  /** The person speaking, as a name ("Sabrina Singh"), or a pronoun still to resolve. */
  readonly speaker?: string;
}

export interface NumberMention {
  /** As written: "30,000", "three", "2003". */
  readonly text: string;
  readonly index: number;
  readonly kind: 'count' | 'year' | 'date';
}

const NUMBER_WORDS =
  'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand million billion dozen';
const NUMBER = new RegExp(
  `(?<![\\w.,])(?:\\d+(?:,\\d{3})*(?:\\.\\d+)?|(?:${NUMBER_WORDS.split(' ').join('|')}))(?![\\w]|,\\d)`,
  'gi',
);
const MONTH = /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/;
const QUOTE = /["“]([^"”]+)["”]/g;
const NAME = String.raw`((?:\p{Lu}[\p{L}.'’-]*)(?:\s+\p{Lu}[\p{L}.'’-]*)*)`;
const NAME_AFTER_SAID = new RegExp(String.raw`\b(?:said|says|told reporters)\s+${NAME}`, 'u');
const NAME_BEFORE_SAID = new RegExp(String.raw`${NAME}\s+(?:said|says)\b`, 'u');
const PRONOUN_SAID = /\b(she|he|they)\s+(?:said|says)\b/i;
const ACCORDING_TO =
  /\baccording to\s+((?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}.'’-]*))*)/iu;
const BY_SOURCE = new RegExp(
  String.raw`\b(?:compiled|published|reported|conducted|released)\s+by\s+${NAME}`,
  'u',
);

export function sentenceFacts(sentence: string): SentenceFacts {
  const numbers = [...sentence.matchAll(NUMBER)].map((m): NumberMention => {
    const text = m[0];
    const before = sentence.slice(0, m.index);
    const kind = MONTH.test(before) ? 'date' : /^(1[89]|20)\d\d$/.test(text) ? 'year' : 'count';
    return { text, index: m.index, kind };
  });
  const quotes = [...sentence.matchAll(QUOTE)].map((m) => m[1] ?? '').filter(Boolean);
  // Quotes are removed first: a name inside one is not the speaker.
  const outside = sentence.replace(QUOTE, '""');
  const said = trimName(NAME_AFTER_SAID.exec(outside)?.[1] ?? NAME_BEFORE_SAID.exec(outside)?.[1]);
  const pronoun = PRONOUN_SAID.exec(outside)?.[1];
  const credited =
    ACCORDING_TO.exec(outside)?.[1]?.replace(/\s+(?:of|for|and|the)$/i, '') ??
    trimName(BY_SOURCE.exec(outside)?.[1]);
  const attribution = said ?? credited;
  const speaker = said ? personName(said) : pronoun?.toLowerCase();
  return {
    numbers,
    quotes,
    ...(attribution !== undefined && { attribution }),
    ...(speaker !== undefined && { speaker }),
  };
}

const trimName = (name: string | undefined) => name?.replace(/[.,;:'’]+$/, '');

/** "Deputy Press Secretary Sabrina Singh" → "Sabrina Singh": a name is its last two words. */
function personName(phrase: string): string {
  const words = phrase.split(/\s+/);
  return words.slice(-2).join(' ');
}
