/**
 * Recognises follow-up questions that only make sense after a previous answer. Pure functions:
 * the bot decides what to do with them, and falls back to a fresh question when they lead nowhere.
 */
export type FollowUp =
  /** "and Qatar?", "what about Bahrain?": the previous question about another subject. */
  | { readonly kind: 'subject'; readonly subject: string }
  /** "who said that?" after a quote. */
  | { readonly kind: 'speaker' }
  /** "tell me more": the entries related to the last answer. */
  | { readonly kind: 'more' };

const SUBJECT =
  /^(?:and|but|also|ok(?:ay)?,?\s+and|what\s+about|how\s+about|and\s+what\s+about|same\s+for|what\s+of)\s+(?:in\s+|for\s+|the\s+)?(.+?)\s*\??$/i;
/** "bahrain too?", "qatar as well please": the same, with the marker after the subject. */
const SUBJECT_THEN_TOO =
  /^(?:and\s+|ok(?:ay)?,?\s+)?(?:(?:in|for)\s+)?(.+?)\s+(?:too|as\s+well|also)(?:,?\s+(?:pls|plz|please))?\s*[?.!]*$/i;
const SPEAKER =
  /^(?:(?:and\s+)?who\s+(?:said|says|told|wrote)\s+(?:that|this|it)|whose\s+(?:quote|words)\s+(?:is|are|was|were)\s+(?:that|this|those|these)|who\s+is\s+(?:that|this)\s+quote\s+from|who\s+was\s+quoted)\s*\??$/i;
const MORE =
  /^(?:(?:please\s+)?tell\s+me\s+more(?:\s+about\s+(?:that|this|it))?|more(?:\s+(?:info|information|details))?(?:\s+please)?|go\s+on|what\s+else(?:\s+do\s+you\s+know)?|anything\s+else|and\s+then|more\s+on\s+(?:that|this))\s*[?.!]*$/i;
/** A follow-up subject is a name, not a sentence: longer text is a fresh question. */
const MAX_SUBJECT_WORDS = 4;
/** …and a name asks nothing: "and how many were killed?" or "and what's her title" is a question. */
const NOT_A_NAME =
  /\b(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|will|would|she|he|her|him|his|they|them|their|it|its|that|this|those|these|there)\b|'s\b/i;

export function detectFollowUp(text: string): FollowUp | undefined {
  const trimmed = text.trim();
  if (SPEAKER.test(trimmed)) return { kind: 'speaker' };
  if (MORE.test(trimmed)) return { kind: 'more' };
  const subject = (SUBJECT_THEN_TOO.exec(trimmed) ?? SUBJECT.exec(trimmed))?.[1]
    ?.replace(/[?.!]+$/, '')
    .trim();
  if (subject && subject.split(/\s+/).length <= MAX_SUBJECT_WORDS && !NOT_A_NAME.test(subject))
    return { kind: 'subject', subject };
  return undefined;
}

/**
 * Rewrites a question about one subject into the same question about another:
 * ("How many U.S. troops are in Kuwait?", "Kuwait", "Qatar") → "How many U.S. troops are in Qatar?".
 * Returns undefined when the question does not mention the old subject.
 */
export function replaceSubject(question: string, from: string, to: string): string | undefined {
  const pattern = new RegExp(`(?<!\\w)${escapeRegExp(from)}(?!\\w)`, 'gi');
  return pattern.test(question) ? question.replace(pattern, to) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
