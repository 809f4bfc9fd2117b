import { wordsOf } from './question-variants.js';

/**
 * The things an answer lists ("We accept Visa, Mastercard, PayPal and Apple Pay", or a bulleted
 * list), each short enough to be a name. People ask about one of them ("do you take PayPal?"), and
 * the answer text is the only place that names it: so each becomes a phrasing in the question's
 * own frame ("do you accept PayPal"), which no other entry has.
 */
export function listedThings(paragraphs: readonly string[], lists: readonly string[][]): string[] {
  const fromLists = lists.flat().map(cleanItem);
  const fromText = paragraphs.flatMap(seriesIn);
  return [...new Set([...fromLists, ...fromText].filter(isName))];
}

/** A series "A, B, C and D" (or "or"), at least three items long, in a sentence. */
function seriesIn(text: string): string[] {
  const series = /((?:[^,.;:]+,\s+){2,}[^,.;:]*?\b(?:and|or)\s+[^,.;:]+)/i.exec(text);
  if (!series?.[1]) return [];
  const parts = series[1].split(/,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+/i);
  // The first part carries the sentence before the series ("We accept Visa"): keep its last words.
  const [first, ...rest] = parts;
  const head = first ? lastCapitalised(first) : undefined;
  return [...(head ? [head] : []), ...rest.map(cleanItem)];
}

function lastCapitalised(text: string): string | undefined {
  const match = /((?:[A-Z0-9][\w'&+-]*\s*){1,3})$/.exec(text.trim());
  return match?.[1]?.trim();
}

function cleanItem(item: string): string {
  return item
    .replace(/\s*[(:–—-].*$/, '')
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/[.;,!]+$/, '')
    .trim();
}

/** Short, and not a clause: a name or a noun phrase of at most four words. */
function isName(item: string): boolean {
  const words = wordsOf(item);
  return words.length > 0 && words.length <= 4 && !/\b(is|are|will|can|you|we)\b/i.test(item);
}

const FRAME = /^(?:what|which)\s+(?:[\w-]+\s+){1,3}?(do|does|can|will)\s+(you|we)\s+(.+?)\s*\??$/i;

/**
 * Phrasings that ask about one listed thing, in the question's frame: "What payment methods do you
 * accept?" with "PayPal" gives "do you accept PayPal". Questions without such a frame get none:
 * a bare name would be too weak a phrasing to answer on.
 */
export function thingPhrasings(question: string, things: readonly string[]): string[] {
  const frame = FRAME.exec(question.trim());
  if (!frame) return [];
  const [, aux, subject, verb] = frame;
  // Three phrasings each, so a held-out one still leaves the name known to the matcher: otherwise
  // calibration learns that the frame with any unknown word ("do you accept bitcoin") is this entry.
  return things.flatMap((thing) => [
    `${aux?.toLowerCase()} ${subject?.toLowerCase()} ${verb} ${thing}`,
    `${thing}?`,
    `what about ${thing}`,
  ]);
}
