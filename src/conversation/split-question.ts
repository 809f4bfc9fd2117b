import { BUILT_IN_SHORTHAND, fillerMask } from '../matcher/chat-lexicon.js';
import { slotKind } from '../matcher/slot-lexicon.js';

/**
 * Splits a message that asks several things at once into its questions. Pure text work: the bot
 * judges each part with the same thresholds as a question on its own and keeps the split only
 * when it does better than the whole message.
 */

/** At most this many parts are answered in one reply; a longer list is asked as it stands. */
export const MAX_PARTS = 3;

// Where one question ends and the next begins: "?", ";", "vs", "also", "and"/"or"/"as well as",
// and commas. Joiners are matched as whole words so "Kuwaiti" or "android" never split.
const QUESTION_MARKS = /\?+\s*(?=\S)/;
const CLAUSE_BREAKS = /\s*;\s*|\s*,?\s+(?:and\s+)?also\s+|\s+(?:vs\.?|versus)\s+/i;
const JOINERS = /\s*,\s*(?:and|or)\s+|\s+(?:and|or|as well as|&)\s+/i;
// Not the comma of a number ("30,000").
const COMMAS = /\s*(?<!\d),\s*|\s*,(?!\d)\s*/;
const LEADING_JOINER = /^(?:and|or|also|plus|but)\s+/i;
// "what about 2020, how many injured then": "what about" only names the slot the question fills.
const WHAT_ABOUT = /^(?:what|how)\s+about\s+(?=(?:\S+\s*){1,3}$)/i;
// A fragment ("qatar", "in the uae") borrows the frame of a question next to it; a part that has
// its own question word or verb is a question of its own.
const OWN_QUESTION =
  /\b(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;
// "66 strikes?? is that right for the militia attacks": a part that asks whether another part is
// true is not a question of its own; the message is one question.
const CHECKS_ANOTHER_PART =
  /^(?:is|was|are|were|isn'?t|wasn'?t)\s+(?:that|this|it)\s+(?:right|true|correct|accurate|real|so)\b/i;
// "when was the invasion?? 2003 or 2004": values the asker offers as the answer, not questions.
const OFFERED_VALUES = /^[£$]?\d[\d.,]*[a-z%]*\s+or\s+[£$]?\d[\d.,]*[a-z%]*$/i;
const MAX_NAME_WORDS = 2;
const MAX_FRAGMENT_WORDS = 4;
// The frame's slot is what follows its last preposition: "how many troops in | kuwait".
const PREPOSITIONS = ['in', 'at', 'for', 'of', 'about', 'from', 'on', 'to', 'by'];
const SLOT_PREPOSITIONS = new Set(PREPOSITIONS);
const LEADING_PREPOSITION = new RegExp(`^(?:${PREPOSITIONS.join('|')})\\s+`, 'i');

/**
 * The questions in `text`, in order, with the shared frame carried into fragments:
 * "how many troops in kuwait and qatar" → ["how many troops in kuwait", "how many troops in qatar"].
 * `subjects` (the knowledge's) locate the frame's slot. Returns `[text]` when there is nothing to
 * split or more than {@link MAX_PARTS} parts.
 */
export function splitQuestion(text: string, subjects: readonly string[] = []): readonly string[] {
  // The values are left out of what is asked; the question before them is asked alone.
  const asked = splitOn(text.trim(), [QUESTION_MARKS]);
  const kept = asked.filter((piece, i) => i === 0 || !OFFERED_VALUES.test(piece));
  if (kept.length < asked.length) return splitQuestion(kept.join('? '), subjects);
  const pieces = withQualifiers(
    asked
      .flatMap((piece) => splitOn(piece, [CLAUSE_BREAKS]))
      .flatMap((piece) =>
        BETWEEN_COMMA.test(piece)
          ? [piece.replace(BETWEEN_COMMA, 'between ')]
          : splitAtJoiners(piece, subjects).flatMap((part) => splitAtCommas(part, subjects)),
      )
      .filter((piece) => !isChatter(piece)),
  );
  if (pieces.length < 2 || pieces.length > MAX_PARTS) return [text.trim()];
  if (pieces.slice(1).some((piece) => CHECKS_ANOTHER_PART.test(piece))) return [text.trim()];
  const fragment = pieces.map((piece) => isFragment(piece, subjects));
  // A fragment takes the frame of the question before it or, leading the message ("kuwait vs
  // bahrain troop numbers"), of the first question after it. A frame with no slot of its own
  // that a leading fragment completes ("what about 2020, how many injured then") is one question.
  const completed = new Set<string>();
  const parts = pieces.map((piece, i) => {
    if (!fragment[i]) return piece;
    const before = pieces.filter((_, j) => j < i && !fragment[j]).at(-1);
    const after = pieces.find((_, j) => j > i && !fragment[j]);
    const frame = before ?? after;
    if (frame === undefined) return piece;
    const part = withFrame(frame, piece, subjects);
    if (part !== undefined && before === undefined && part.startsWith(frame)) completed.add(frame);
    return part;
  });
  // A fragment that cannot stand where the frame names its subject leaves the message whole.
  if (parts.some((part) => part === undefined)) return [text.trim()];
  return parts.filter(
    (part, i): part is string => part !== undefined && (fragment[i] || !completed.has(part)),
  );
}

// "…after probation? not a manager": words about the asker or the case, not a question.
const QUALIFIER = /^(?:not|but\s+not|if|unless|as\s+an?|i'?m|i\s+am)\b/i;
// "…into next year? how many": a question word alone asks it of the question before it.
const BARE_ASK =
  /^(?:how\s+(?:many|much|long|often)|when|where|who|which|why|what)(?:\s+(?:then|exactly|tho|though))?$/i;
// "the talks between, the american and iraqi forces": what follows the comma is the two sides
// "between" asks of, one thing, not a question and a fragment.
const BETWEEN_COMMA = /\bbetween\s*,\s*/i;

/** Each qualifier joined to the piece before it, which it qualifies. */
function withQualifiers(pieces: readonly string[]): string[] {
  return joinedOnto(pieces, (_, piece) =>
    (QUALIFIER.test(piece) && !OWN_QUESTION.test(piece)) || BARE_ASK.test(piece) ? ', ' : undefined,
  );
}

/**
 * The pieces with each one that `joiner` says belongs to the piece before it appended to that
 * piece, after the separator it returns.
 */
function joinedOnto(
  pieces: readonly string[],
  joiner: (last: string, piece: string) => string | undefined,
): string[] {
  const joined: string[] = [];
  for (const piece of pieces) {
    const last = joined.at(-1);
    const separator = last === undefined ? undefined : joiner(last, piece);
    if (separator === undefined) joined.push(piece);
    else joined[joined.length - 1] = `${last}${separator}${piece}`;
  }
  return joined;
}

/** Splits on the first pattern that applies, then splits each piece again on the later ones. */
function splitOn(text: string, patterns: readonly RegExp[]): string[] {
  const [pattern, ...rest] = patterns;
  if (pattern === undefined) return [text];
  const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
  return text
    .split(global)
    .map(clean)
    .filter((piece) => piece !== '')
    .flatMap((piece) => splitOn(piece, rest));
}

/**
 * A comma separates questions ("what about 2020, how many injured then") or a list ("kuwait,
 * qatar"), but also a topic from its question ("the jordan attack, was it done with drones?"):
 * the piece is split only into questions and fragments, or into a frame followed by fragments.
 */
function splitAtCommas(piece: string, subjects: readonly string[]): string[] {
  const parts = splitOn(piece, [COMMAS]);
  const questions = parts.every((part) => OWN_QUESTION.test(part) || isFragment(part, subjects));
  const list = parts.slice(1).every((part) => isFragment(part, subjects));
  return parts.length > 1 && (questions || list) ? parts : [piece];
}

/**
 * "and"/"or" join questions ("how many in kuwait and how long have they been there") or list
 * what a frame asks of ("troops in kuwait and qatar"), but also the two sides of one thing ("what
 * are the US and iraq negotiating about"): a piece is split only where a side that is neither a
 * question nor a fragment would not be left over.
 */
function splitAtJoiners(piece: string, subjects: readonly string[]): string[] {
  const split = splitOn(piece, [JOINERS]);
  // Far more parts than are ever answered: the message is asked whole whatever they are.
  if (split.length > 2 * MAX_PARTS) return split;
  const parts = withAlternatives(withBothSides(split), piece);
  const stands = (part: string) => OWN_QUESTION.test(part) || isFragment(part, subjects);
  const [first, ...rest] = parts;
  if (first === undefined || rest.length === 0) return parts;
  // A leading fragment takes its frame from a question after it ("kuwait and qatar troop
  // numbers" stays for the frame logic): only a question or fragment after the first is asked.
  return rest.every(stands) || isFragment(first, subjects) ? parts : [piece];
}

// "between US and Iraq, …": the two sides "between" names are one thing, not two questions.
const BETWEEN_SIDE = /\bbetween\s+(?:the\s+)?[\p{L}\p{N}.'-]+$/iu;

/** Each piece ending in "between X" joined to the side after it. */
function withBothSides(parts: readonly string[]): string[] {
  return joinedOnto(parts, (last) => (BETWEEN_SIDE.test(last) ? ' and ' : undefined));
}

/**
 * "are we paid monthly or weekly": one word after "or" with no place in the question before it
 * for the word to fill is an alternative the asker offers, not a question of its own.
 */
function withAlternatives(parts: readonly string[], piece: string): string[] {
  const typed = piece.toLowerCase();
  return joinedOnto(parts, (last, part) =>
    /^[\p{L}-]+$/u.test(part) &&
    typed.includes(`or ${part.toLowerCase()}`) &&
    !last.split(/\s+/).some((word) => SLOT_PREPOSITIONS.has(word.toLowerCase()))
      ? ' or '
      : undefined,
  );
}

function clean(piece: string): string {
  return piece
    .replace(/[?!.]+$/, '')
    .replace(LEADING_JOINER, '')
    .replace(WHAT_ABOUT, '')
    .trim();
}

/**
 * A piece that only names what a frame is asked about: a short name, a known subject, or a short
 * phrase opening with a preposition ("in the uae").
 */
function isFragment(piece: string, subjects: readonly string[]): boolean {
  if (OWN_QUESTION.test(piece)) return false;
  const words = piece.split(/\s+/);
  const lower = piece.toLowerCase();
  return (
    words.length <= MAX_NAME_WORDS ||
    subjects.some((subject) => subject.toLowerCase() === lower) ||
    (words.length <= MAX_FRAGMENT_WORDS && LEADING_PREPOSITION.test(piece))
  );
}

/**
 * "how many troops in kuwait" + "qatar" → "how many troops in qatar". The slot is a subject the
 * knowledge knows ("Kuwait"), else what follows the frame's last preposition; without either the
 * fragment stands alone.
 */
function withFrame(
  frame: string,
  fragment: string,
  subjects: readonly string[],
): string | undefined {
  const name = fragment.replace(LEADING_PREPOSITION, '');
  const lower = frame.toLowerCase();
  const known = subjects
    .map((subject) => ({ subject, at: wordIndex(lower, subject.toLowerCase()) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  if (known && !/^\d/.test(name) && !namesSubject(name, subjects)) return undefined;
  if (known)
    return `${frame.slice(0, known.at)}${name}${frame.slice(known.at + known.subject.length)}`;
  const words = frame.split(/\s+/);
  const slot = lastIndexWhere(words, (word) => SLOT_PREPOSITIONS.has(word.toLowerCase()));
  if (slot >= 0 && slot < words.length - 1) return [...words.slice(0, slot + 1), name].join(' ');
  // A frame without a slot ("how many injured then") takes the fragment as its place or time.
  return /^\d{4}$/.test(name) || LEADING_PREPOSITION.test(fragment)
    ? `${frame} ${LEADING_PREPOSITION.test(fragment) ? fragment : `in ${name}`}`
    : fragment;
}

/**
 * Whether a fragment can stand for a subject: a subject the knowledge knows or a place, people or
 * role ("qatar", "the uae"), not a thing ("the war in Gaza and the attacks" is one question).
 */
function namesSubject(name: string, subjects: readonly string[]): boolean {
  const lower = name.toLowerCase().replace(/^(?:the|a|an)\s+/, '');
  if (subjects.some((subject) => subject.toLowerCase() === lower)) return true;
  const words = lower.split(/\s+/);
  return words.length <= MAX_NAME_WORDS && words.some((word) => slotKind(word) === 'entity');
}

/** A piece that is only greetings, thanks or emoji ("thx!", "hi there"): no question of its own. */
function isChatter(piece: string): boolean {
  // "🤔", "!!": nothing a question could be made of.
  if (!/[\p{L}\p{N}]/u.test(piece)) return true;
  const typed = piece.toLowerCase().match(/[a-z']+/g) ?? [];
  const expand = (word: string) =>
    Object.hasOwn(BUILT_IN_SHORTHAND, word) ? (BUILT_IN_SHORTHAND[word] ?? word) : word;
  const words = typed.flatMap((word) => expand(word).split(' '));
  return words.length > 0 && fillerMask(words).every(Boolean);
}

/** Where `word` occurs in `text` as whole words, the last occurrence; -1 when it does not. */
function wordIndex(text: string, word: string): number {
  let found = -1;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1];
    const after = text[at + word.length];
    const alone = (c: string | undefined) => c === undefined || !/\w/.test(c);
    if (alone(before) && alone(after)) found = at;
  }
  return found;
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return i;
  }
  return -1;
}
