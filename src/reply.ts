/** A question the bot can answer, offered as a suggestion (clarify, decline, related, autocomplete). */
export interface Suggestion {
  /** Knowledge entry id, stable across reloads: adapters put it in button payloads. */
  readonly entry: string;
  /** The entry's canonical question, shown to the user. */
  readonly question: string;
}

/** Where an answer's facts come from. */
export interface Source {
  /** Who the facts are attributed to, for example "the U.S. Department of Defense". */
  readonly attribution: string;
  /** The publication the passage was taken from. */
  readonly publication: string;
  /** The passage of the source that the answer rests on, verbatim. */
  readonly passage: string;
  readonly url?: string;
}

/** Why the matcher chose what it chose; shown by `ask --explain` and on request by adapters. */
export interface Explanation {
  readonly normalized: string;
  readonly matchedPhrasing?: string;
  readonly confidence: number;
  readonly runnerUp?: { readonly entry: string; readonly confidence: number };
  readonly thresholds: { readonly answer: number; readonly clarify: number };
  /**
   * The cut-off the top candidate was held to, when it is not `thresholds.answer`: every word of
   * the question is one its entry's phrasings use (`Candidate.explained`).
   */
  readonly explainedAt?: number;
}

interface ReplyBase {
  /** Plain text shown to the user; adapters render it in their own markup. */
  readonly text: string;
  /** Confidence of the best candidate, in [0, 1]. */
  readonly confidence: number;
  readonly explanation?: Explanation;
  /** Ties the reply to the core's log line for the question; adapters log it with their errors. */
  readonly requestId?: string;
}

/** One question of a message that asked several, and what answers it. */
export interface AnswerPart {
  /** The part as the user asked it, with the shared frame carried in ("how many troops in qatar"). */
  readonly question: string;
  /** The entry that answers it; absent when the knowledge does not cover this part. */
  readonly entry?: Suggestion;
  /** The part's answer, attributed; or the plain statement that the knowledge does not cover it. */
  readonly text: string;
  readonly source?: Source;
}

/** A confident answer from one knowledge entry. */
export interface AnswerReply extends ReplyBase {
  readonly kind: 'answer';
  readonly entry: Suggestion;
  /** `fact` answers come from the curated knowledge; `conversation` ones are the built-in small talk. */
  readonly entryKind: 'fact' | 'conversation';
  readonly source?: Source;
  /** Entries declared as related to this one ("Related: …" buttons). */
  readonly related: readonly Suggestion[];
  /**
   * Set when the message asked several questions: each part with its own answer and attribution.
   * `text` joins them, so a renderer that ignores parts still shows every answer; `entry` and
   * `source` are the last answered part's (what a follow-up refers to).
   */
  readonly parts?: readonly AnswerPart[];
}

/** The top candidates are close or the confidence is middling: "Did you mean …?" */
export interface ClarifyReply extends ReplyBase {
  readonly kind: 'clarify';
  readonly suggestions: readonly Suggestion[];
}

/** The knowledge does not answer the question; `suggestions` say what the bot can answer. */
export interface DeclineReply extends ReplyBase {
  readonly kind: 'decline';
  readonly reason: 'no-match' | 'empty' | 'rate-limited' | 'too-long' | 'duplicate';
  readonly suggestions: readonly Suggestion[];
  /**
   * Set on a rate-limited reply when the user was already told in this window: adapters answering
   * messages send nothing; those that must respond (slash commands) may show the text privately.
   * Always set on a `duplicate` (an event already claimed): that one is never sent at all, since
   * the first delivery of the event is answered elsewhere.
   */
  readonly quiet?: boolean;
}

export type Reply = AnswerReply | ClarifyReply | DeclineReply;
