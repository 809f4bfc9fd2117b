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
const JOINERS = /\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or|as well as|&)\s+/i;
const LEADING_JOINER = /^(?:and|or|also|plus|but)\s+/i;
// A fragment ("qatar", "the 2003 invasion") borrows the frame of the question before it; a part
// that has its own question word or verb is a question of its own.
const OWN_QUESTION =
  /\b(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b/i;
const MAX_FRAGMENT_WORDS = 4;
// The frame's slot is what follows its last preposition: "how many troops in | kuwait".
const SLOT_PREPOSITIONS = new Set(['in', 'at', 'for', 'of', 'about', 'from', 'on', 'to', 'by']);

/**
 * The questions in `text`, in order, with the shared frame carried into fragments:
 * "how many troops in kuwait and qatar" → ["how many troops in kuwait", "how many troops in qatar"].
 * Returns `[text]` when there is nothing to split or more than {@link MAX_PARTS} parts.
 */
export function splitQuestion(text: string, subjects: readonly string[] = []): readonly string[] {
  const pieces = splitOn(text.trim(), [QUESTION_MARKS, CLAUSE_BREAKS, JOINERS]);
  if (pieces.length < 2 || pieces.length > MAX_PARTS) return [text.trim()];
  let frame: string | undefined;
  return pieces.map((piece) => {
    if (!isFragment(piece)) {
      frame = piece;
      return piece;
    }
    return frame === undefined ? piece : withFrame(frame, piece, subjects);
  });
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

function clean(piece: string): string {
  return piece
    .replace(/[?!.]+$/, '')
    .replace(LEADING_JOINER, '')
    .trim();
}

function isFragment(piece: string): boolean {
  return !OWN_QUESTION.test(piece) && piece.split(/\s+/).length <= MAX_FRAGMENT_WORDS;
}

/**
 * "how many troops in kuwait" + "qatar" → "how many troops in qatar". The slot is a subject the
 * knowledge knows ("Kuwait"), else what follows the frame's last preposition; without either the
 * fragment stands alone.
 */
function withFrame(frame: string, fragment: string, subjects: readonly string[]): string {
  const lower = frame.toLowerCase();
  const known = subjects
    .map((subject) => ({ subject, at: wordIndex(lower, subject.toLowerCase()) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  if (known)
    return `${frame.slice(0, known.at)}${fragment}${frame.slice(known.at + known.subject.length)}`;
  const words = frame.split(/\s+/);
  const slot = lastIndexWhere(words, (word) => SLOT_PREPOSITIONS.has(word.toLowerCase()));
  if (slot >= 0 && slot < words.length - 1)
    return [...words.slice(0, slot + 1), fragment].join(' ');
  return fragment;
}

/** Where `word` occurs in `text` as whole words, the last occurrence; -1 when it does not. */
function wordIndex(text: string, word: string): number {
  let found = -1;
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return found;
    const before = text[at - 1];
    const after = text[at + word.length];
    if ((before === undefined || !/\w/.test(before)) && (after === undefined || !/\w/.test(after)))
      found = at;
    from = at + 1;
  }
}

function lastIndexWhere<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i];
    if (item !== undefined && test(item)) return i;
  }
  return -1;
}
