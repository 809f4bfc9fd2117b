import type { NumberMention, SentenceFacts } from './sentence-facts.js';

/**
 * Questions a sentence answers, by rule: "How many …?" for a count, "What happened in …?" for a
 * year or date, "What did X say about …?" for a quote or a reported statement. Each is phrased
 * from the sentence's own words, so it can reach the entry without adding anything to it.
 */

const HEDGES =
  /\b(?:over|at least|more than|less than|fewer than|about|nearly|almost|around|some|up to)\s*$/i;
const STOP =
  /^(?:a|an|the|and|or|but|of|in|on|at|to|for|with|by|from|is|are|was|were|be|been|has|have|had|that|which|who|this|these|those|there|it|its|their|our|we|they|he|she|just|now|then|since|than|as|so|very|also|still)$/i;
const PHRASE_END =
  /^(?:is|are|was|were|and|but|which|that|who|did|do|does|has|have|had|will|would|could|can|just|now|going)$/i;
const CLAUSE_END = /[,;:—–()]$|^[—–]$/;

export interface QuestionContext {
  /** The noun of the last count with one ("troops"), for counts written alone ("Qatar with 10,000"). */
  lastUnit: string | undefined;
}

export function numberQuestions(
  sentence: string,
  mention: NumberMention,
  context: QuestionContext,
): string[] {
  const before = sentence.slice(0, mention.index).replace(HEDGES, '').trim();
  const after = sentence.slice(mention.index + mention.text.length).trim();
  const lead = tail(words(before), 6);
  if (mention.kind === 'date') {
    const month = /(\S+)\s*$/.exec(before)?.[1] ?? '';
    return [`What happened on ${month} ${mention.text}?`];
  }
  if (mention.kind === 'year') return yearQuestions(mention.text, words(before), words(after));
  const unit = unitOf(words(after));
  const rest = clauseAfter(words(after).slice(unit.length));
  if (unit.length > 0) context.lastUnit = unit.at(-1);
  const noun = unit.length > 0 ? unit.join(' ') : (context.lastUnit ?? 'of them');
  const echo = `${[...lead, 'how many', noun, ...rest].join(' ')}?`;
  if (unit.length > 0) return [`How many ${[noun, ...rest].join(' ')}?`, echo].map(tidy);
  // A count written alone ("Qatar with 10,000") counts what the last count did, in the place named.
  const place = /(\p{Lu}[\p{L}-]+)(?:\s+\S+){0,4}\s*$/u.exec(before)?.[1];
  return [...(place ? [`How many ${noun} in ${place}?`, `${place} ${noun}?`] : []), echo].map(tidy);
}

/** "the 2003 invasion" → "When was the invasion?"; "back in 2020" → "… in what year?". */
function yearQuestions(
  year: string,
  before: readonly string[],
  after: readonly string[],
): string[] {
  const questions = [`What happened in ${year}?`];
  const next = after[0]?.replace(/[,.;:]$/, '');
  if (/^the$/i.test(before.at(-1) ?? '') && next && !STOP.test(next)) {
    questions.push(`When was the ${next}?`);
  }
  const lead = [...before];
  while (lead.length > 0 && (STOP.test(lead.at(-1) ?? '') || /^back$/i.test(lead.at(-1) ?? ''))) {
    lead.pop();
  }
  if (lead.length >= 3) questions.push(`${tail(lead, 10).join(' ')}: in what year?`);
  return questions.map(tidy);
}

export function saidQuestions(facts: SentenceFacts, sentence: string, speaker: string): string[] {
  const about = facts.quotes.map(topicOf).find(Boolean) ?? topicOf(afterSaid(sentence));
  const first = facts.quotes[0];
  return [
    ...(about ? [`What did ${speaker} say about ${about}?`, `${speaker} on ${about}`] : []),
    `What did ${speaker} say?`,
    ...(first
      ? [
          `Who said "${words(first)
            .slice(0, 6)
            .join(' ')
            .replace(/[,.;:]+$/, '')}"?`,
        ]
      : []),
  ].map(tidy);
}

/** The first noun phrase led by a determiner: "the mission of U.S. forces in Iraq". */
export function topicOf(text: string): string | undefined {
  const all = words(text);
  const start = all.findIndex((w) => /^(?:the|a|an|this|that|these|those)$/i.test(w));
  if (start === -1) return undefined;
  const phrase: string[] = [];
  for (const w of all.slice(start, start + 7)) {
    if (phrase.length > 0 && PHRASE_END.test(w)) break;
    phrase.push(w.replace(/[,;:"”.]+$/, ''));
    if (CLAUSE_END.test(w)) break;
  }
  while (phrase.length > 0 && STOP.test(phrase.at(-1) ?? '')) phrase.pop();
  if (phrase.length < 2) return undefined;
  return [phrase[0]?.toLowerCase(), ...phrase.slice(1)].join(' ');
}

function afterSaid(sentence: string): string {
  const match = /\b(?:said|says)\b(.*)$/i.exec(sentence);
  return match?.[1] ?? sentence;
}

/** The words right after a number that name what is counted: "land-based U.S. troops". */
function unitOf(after: readonly string[]): string[] {
  const unit: string[] = [];
  for (const w of after.slice(0, 4)) {
    if (STOP.test(w) || CLAUSE_END.test(w) || !/[\p{L}]/u.test(w) || /\d/.test(w)) break;
    if (unit.length > 0 && /(?:ed|ing)$/i.test(w)) break;
    const ends = /[,.;:]$/.test(w) && !ABBREVIATION.test(w);
    unit.push(ends ? w.slice(0, -1) : w);
    if (ends) break;
  }
  return unit;
}

const ABBREVIATION = /^(?:\p{Lu}\.)+$/u;

/** The rest of the clause after the counted thing, up to ten words. */
function clauseAfter(after: readonly string[]): string[] {
  const rest: string[] = [];
  for (const w of after.slice(0, 10)) {
    if (/^[—–]$/.test(w) || REST_END.test(w) || /\d/.test(w)) break;
    rest.push(ABBREVIATION.test(w) ? w : w.replace(/[,;:.]$/, ''));
    if (/[,;:—–]$/.test(w)) break;
  }
  return rest.filter(Boolean);
}

/** Words after which the rest of a clause is about something else ("… soldiers just made …"). */
const REST_END = /^(?:just|which|who|that|and|but|or|followed)$/i;

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const tail = <T>(items: readonly T[], n: number) => items.slice(Math.max(0, items.length - n));
export const tidy = (q: string) =>
  q
    .replace(/\s+([?,])/g, '$1')
    .replace(/[.,;:—–\s]+\?$/, '?')
    .replace(/\s+/g, ' ')
    .trim();
