import { fillerMask } from '../matcher/chat-lexicon.js';
import { slotKind, WEEKDAYS } from '../matcher/slot-lexicon.js';

/**
 * "my laptop won't boot, when is the IT help desk open?": the asker's situation told before the
 * question. Pure text work: finds the question after the situation, and says whether the
 * situation names nothing an answer could depend on.
 */

// A clause ends at a comma, semicolon, colon, dash, sentence end or emoji.
const BOUNDARY = /\s*(?:[,;:]|\s[-–—]+|[.!]+|\p{Extended_Pictographic}+)\s*/u;
const QUESTION_OPENER =
  /^(?:who|whom|whose|what|whats|what's|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|shall|am)\b/i;
/** Longer than this, a "situation" is a question of its own or a story the bot should not skim. */
const MAX_SITUATION_WORDS = 12;
// "I'm not full time", "non-birth parent": a negated slot is the question's, not background.
const NEGATED_SLOT =
  /\bnon\b|\bnot\s+(?:an?|the|on|in|at|yet|full|part|eligible)\b|\bno\s+longer\b/i;

// A question word anywhere, or an auxiliary opening a clause ("…, do I get full sick pay"): the
// text asks something. "my roommate is from doha" tells.
const ASKS =
  /\b(?:who|whom|whose|what|when|where|which|why|how)\b|(?:^|[,;:!?]\s*)(?:is|are|was|were|do|does|did|has|have|can|could|will|would|should|am)\b/i;
// The asker speaking of themselves or their own ("my sister works in dc"), or of where they stand
// with the subject left out ("still on probation", "just started").
const FIRST_PERSON =
  /\b(?:i|i'm|im|me|my|mine|we|we're|our)\b|^(?:still|already|currently|just|been|got|now)\b/i;

/** Whether a text asks something (a question word, or an auxiliary opening a clause). */
export function asksSomething(text: string): boolean {
  return ASKS.test(text);
}

/** A text that asks nothing and speaks of the asker: a situation told, not a question. */
export function tellsOwnSituation(text: string): boolean {
  return !ASKS.test(text) && FIRST_PERSON.test(text);
}

// "I'm self-employed", "as a temp", "I work nights": who the asker is decides what applies to
// them (sick pay, leave), whether or not the knowledge has a word for it.
const SAYS_WHO_ASKS = /\b(?:i'?m|i\s+am|im|i\s+work|as\s+an?)\b/i;

// "feeling rough this morning", "starting monday": when the asker's day happens, not a time the
// question asks about. Durations, dates and counts ("2 weeks ago", "in 2019") stay slots.
const DAY_TO_DAY = new Set([
  ...'today tonight tomorrow yesterday morning afternoon evening night weekend'.split(' '),
  ...WEEKDAYS,
  ...WEEKDAYS.map((day) => `${day}s`),
  'mornings',
]);

export interface SituationAndQuestion {
  readonly situation: string;
  /** The question as typed, from its first word to the end of the message. */
  readonly question: string;
}

/** Each clause of the text with where it starts. */
function clauses(text: string): { readonly piece: string; readonly start: number }[] {
  const out: { piece: string; start: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(new RegExp(BOUNDARY.source, 'gu'))) {
    out.push({ piece: text.slice(start, m.index), start });
    start = m.index + m[0].length;
  }
  out.push({ piece: text.slice(start), start });
  return out.filter(({ piece }) => /[\p{L}\p{N}]/u.test(piece));
}

/** The situation and the question after it, or undefined when the message is not put so. */
export function situationAndQuestion(text: string): SituationAndQuestion | undefined {
  const pieces = clauses(text);
  const at = pieces.findIndex(({ piece }) => QUESTION_OPENER.test(piece.trim()));
  const first = pieces[at];
  if (at < 1 || first === undefined) return undefined;
  const situation = pieces
    .slice(0, at)
    .map(({ piece }) => piece.trim())
    .join(' ');
  return { situation, question: text.slice(first.start).trim() };
}

/**
 * Whether a situation tells only background: some words besides greetings and thanks, no place,
 * person, role, time or number (those could be what the answer depends on), no negated slot,
 * and not who the asker is.
 */
export function isBackground(situation: string): boolean {
  if (NEGATED_SLOT.test(situation) || SAYS_WHO_ASKS.test(situation)) return false;
  const words = situation.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length > MAX_SITUATION_WORDS) return false;
  const mask = fillerMask(words);
  const told = words.filter((_, i) => !mask[i]);
  if (told.length < 2) return false;
  return told.every(
    (word) => !/\d/.test(word) && (slotKind(word) === undefined || DAY_TO_DAY.has(word)),
  );
}
