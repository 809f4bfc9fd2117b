import { conversationToolsFor } from '../conversation/conversation-tools.js';
import { referentOf } from '../conversation/references.js';
import type { KnowledgeEntry } from '../knowledge/knowledge.js';
import { clarifyReply, emptyExplanation } from '../reply/build-reply.js';
import type { Reply } from '../reply.js';
import type { Resolution, Turn, TurnTools } from './resolver.js';

/**
 * Context never makes a wrong answer. An answer given in a conversation is checked against what
 * the message itself asks: its own words must be in the entry (the injuries of 2020 do not answer
 * "and how many were killed?"), a "why" needs an entry that gives a reason, and a message that
 * leans on the last answer ("and how many were wounded?") may move to another topic only by naming
 * it. A check that fails turns the answer into a decline that names the entry it nearly was.
 */

/** The entries the conversation is about: the last answer and the other parts of its turn. */
export function contextEntries({ kb, state }: Turn): KnowledgeEntry[] {
  const ids = [...new Set([state.last?.entry, ...(state.last?.parts ?? [])])];
  return ids
    .map((id) => (id === undefined ? undefined : kb.entries.get(id)))
    .filter((entry): entry is KnowledgeEntry => entry?.kind === 'fact');
}

/** The entries `entry` links to (`related`) that the knowledge has, in the file's order. */
export function linkedEntries({ kb }: Pick<Turn, 'kb'>, entry: KnowledgeEntry): KnowledgeEntry[] {
  return entry.related
    .map((id) => kb.entries.get(id))
    .filter((linked): linked is KnowledgeEntry => linked !== undefined);
}

const CONTINUATION = /^(?:and|but|also|so|ok(?:ay)?|then|what\s+about|how\s+about|plus)\b/i;
const REFERRING =
  /\b(?:she|he|her|him|his|they|them|their|it|its|there|that\s+one|this\s+one|which\s+one|which\s+of\s+them|those|these|the\s+other)\b/i;

// "in that attack", "from those strikes": something said before, by a message that is gone.
// Pronouns are left out, since the message itself often holds what they stand for ("these
// talks, since when are they planned?"), and so is "this" ("all of this" is the situation now).
const POINTS_BACK = /\b(?:in|of|from|about|during|after|before|at|by|on)\s+(?:that|those)\s+[a-z]/i;

/** Whether the message points back at something said before it ("how many died in that attack?"). */
export function pointsBack(text: string): boolean {
  return POINTS_BACK.test(text);
}

/** Whether the message names what the entry is about: its subject, speaker or a number it gives. */
function namesEntry({ kb }: Turn, text: string, entry: KnowledgeEntry): boolean {
  if (entry.subject === undefined && entry.speaker === undefined) return true;
  return conversationToolsFor(kb.knowledge).coverage.names(text, entry);
}

/**
 * Whether the message names the entry, or, for an entry with no subject or speaker, the noun its
 * phrasings are about: "who approves it?" does not name the training entry ("course"), "who
 * approves my course?" does. An entry whose phrasings have no such noun is taken as named.
 */
function namesNewTopic(turn: Turn, text: string, entry: KnowledgeEntry): boolean {
  if (entry.subject !== undefined || entry.speaker !== undefined)
    return namesEntry(turn, text, entry);
  const { singular, plural } = conversationToolsFor(turn.kb.knowledge).nounsOf(entry);
  const nouns = [singular, plural].filter((noun): noun is string => noun !== undefined);
  const words = text.toLowerCase().split(/[^a-z]+/);
  const named = (noun: string) =>
    words.some(
      (word, i) => (word === noun || word === `${noun}s`) && !VERB_CUES.has(words[i - 1] ?? ''),
    );
  return nouns.length === 0 || nouns.some(named);
}

// "should I report it?" uses the word as a verb: it does not name the entry about a report.
const VERB_CUES = new Set([
  'i',
  'you',
  'we',
  'they',
  'to',
  'should',
  'can',
  'could',
  'must',
  'will',
  'would',
  'do',
]);

/** Whether the message has a pronoun or "that one" standing for something said before. */
export function refersBack(text: string): boolean {
  return REFERRING.test(text);
}

/** A message that leans on what came before: "and …?", "what about …", or a pronoun. */
export function leansOnContext(text: string): boolean {
  return CONTINUATION.test(text.trim()) || REFERRING.test(text);
}

/** A message that only continues the conversation: it leans on it, or is too short to stand alone. */
export function continuesConversation({ kb }: Pick<Turn, 'kb'>, text: string): boolean {
  return leansOnContext(text) || conversationToolsFor(kb.knowledge).coverage.elliptical(text);
}

const WHY = /^\s*(?:(?:and|but|so|ok(?:ay)?)\s+)?(?:why|how\s+come)\b/i;

const ASKS = /\b(who|whom|whose|when|where|why|which|how\s+(?:many|much|long))\b/i;

/** Whether the entry is asked what the message asks: "who planned them" of a "when" entry is not. */
export function asksAsEntry(text: string, questions: readonly string[]): boolean {
  const asked = ASKS.exec(text)?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  if (asked === undefined) return true;
  return questions.some((question) => ASKS.exec(question)?.[1]?.toLowerCase() === asked);
}

const YEAR = /\b(?:19|20)\d{2}\b/;

/**
 * "how many were hurt?" after the strikes since Oct. 7 leans on those strikes: the injuries of
 * the 2020 attack, an entry of the same subject whose phrasings date it to a year the message
 * and the conversation's entry never name, are another event's.
 */
function anotherYear(ownText: string, known: KnowledgeEntry, entry: KnowledgeEntry): boolean {
  const dated = entry.questions.filter((question) => YEAR.test(question)).length;
  if (dated * 2 < entry.questions.length || YEAR.test(ownText)) return false;
  return !known.questions.some((question) => YEAR.test(question));
}

/** The words of `ownText` that `entry` leaves unanswered, with "why" when it gives no reason. */
export function unansweredBy(
  turn: Turn,
  ownText: string,
  entry: KnowledgeEntry,
): readonly string[] {
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  const missing = [...coverage.uncovered(ownText, entry)];
  if (WHY.test(ownText) && !entry.questions.some((question) => WHY.test(question)))
    missing.push('why');
  // "which base was it?" of the injuries in 2020: the entry says how many, never which base.
  else if (!asksAsEntry(ownText, entry.questions)) missing.push('question word');
  return missing;
}

/**
 * Keeps a fact answer only if it answers `ownText` in this conversation; otherwise declines,
 * offering the entry. Other replies, and answers in a conversation with no context, pass through.
 * `resolved` marks an answer to a rewritten follow-up, which is about the context by construction.
 */
export function guardAnswer(
  turn: Turn,
  tools: TurnTools,
  ownText: string,
  resolution: Resolution,
  resolved = false,
): Resolution {
  const { reply } = resolution;
  const entry = answeredFact(turn, reply);
  const context = contextEntries(turn);
  if (context.length === 0) {
    // "how many were killed in that attack?" or "how many died in it?" with nothing before it (or
    // only a decline): which attack is the asker's to say; an entry not named is offered, not
    // answered.
    const guess =
      entry !== undefined &&
      (pointsBack(ownText) ||
        danglingPronoun(turn, ownText) ||
        leavesEndedTopic(turn, ownText, entry) ||
        leavesOfferedTopic(turn, ownText, entry)) &&
      (qualifiesOnly(turn, ownText) || !namesNewTopic(turn, ownText, entry));
    return guess ? declineNear(turn, tools, ownText, reply, entry) : resolution;
  }
  if (reply.kind === 'clarify') return guardClarification(turn, tools, ownText, resolution);
  if (entry === undefined) return resolution;
  if (speaksOfAnother(turn, ownText, entry)) return declineNear(turn, tools, ownText, reply, entry);
  const onTopic =
    resolved ||
    context.some(
      (known) =>
        known.id === entry.id || (sameSubject(known, entry) && !anotherYear(ownText, known, entry)),
    );
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  // Off the conversation's topic, a message too short to stand alone is still on it: "how many
  // injured?" after the deaths in Jordan is about Jordan, not the 2020 attack in Iraq.
  const wrong = onTopic
    ? unansweredBy(turn, ownText, entry).length > 0
    : continuesConversation(turn, ownText) && !coverage.names(ownText, entry);
  return wrong ? declineNear(turn, tools, ownText, reply, entry) : resolution;
}

/**
 * "where does she work?" about one person never offers entries about another: a clarification
 * of a follow-up about someone keeps only the suggestions that are not about somebody else.
 */
function guardClarification(
  turn: Turn,
  tools: TurnTools,
  ownText: string,
  resolution: Resolution,
): Resolution {
  const { reply } = resolution;
  const [last] = contextEntries(turn);
  if (reply.kind !== 'clarify' || last === undefined || !leansOnContext(ownText)) return resolution;
  const { people } = conversationToolsFor(turn.kb.knowledge);
  const person = referentOf(last, people).person;
  if (person === undefined) return resolution;
  const kept = reply.suggestions.filter((suggestion) => {
    const entry = turn.kb.entries.get(suggestion.entry);
    const other = entry && referentOf(entry, people).person;
    return other === undefined || other === person;
  });
  if (kept.length === reply.suggestions.length) return resolution;
  const explanation = reply.explanation ?? emptyExplanation(turn.kb);
  const guarded =
    kept.length > 0
      ? clarifyReply(kept, reply.confidence, explanation)
      : tools.decline(reply.confidence, explanation);
  return { ...resolution, reply: guarded };
}

const PERSON_PRONOUN = /\b(?:she|he|her|him|his)\b/i;

/**
 * "what did she say about the jordan strike?" after Sabrina Singh's words: she is Singh, so Randa
 * Slim's words on Jordan do not answer it, unless the message names Slim.
 */
function speaksOfAnother(turn: Turn, ownText: string, entry: KnowledgeEntry): boolean {
  const [last] = contextEntries(turn);
  if (last === undefined || !PERSON_PRONOUN.test(ownText)) return false;
  const { people } = conversationToolsFor(turn.kb.knowledge);
  const meant = referentOf(last, people).person;
  const said = referentOf(entry, people).person;
  if (meant === undefined || said === undefined || meant === said) return false;
  const surname = said.split(/\s+/).at(-1) ?? said;
  return !ownText.toLowerCase().includes(surname.toLowerCase());
}

// "it helpdesk extension": a message opening on "it" and a noun is about IT, not a pronoun.
const IT_DEPARTMENT =
  /^\s*it\s+(?!(?:is|was|isn'?t|wasn'?t|does|doesn'?t|did|has|had|will|would|can|could|should|must|may|might)\b)(?=[a-z]{3,})/i;

/** "how many died in it?": a pronoun, and too little besides to say what it stands for. */
function danglingPronoun(turn: Turn, ownText: string): boolean {
  return (
    REFERRING.test(ownText.replace(IT_DEPARTMENT, '')) &&
    conversationToolsFor(turn.kb.knowledge).coverage.elliptical(ownText)
  );
}

/**
 * "how many were hurt?" after the deaths in Jordan and a declined turn still leans on Jordan: a
 * message too short to stand alone is not answered from another topic than the one that ended.
 */
function leavesEndedTopic(turn: Turn, ownText: string, entry: KnowledgeEntry): boolean {
  const topic = turn.state.topic === undefined ? undefined : turn.kb.entries.get(turn.state.topic);
  if (topic?.kind !== 'fact' || topic.id === entry.id || sameSubject(topic, entry)) return false;
  return continuesConversation(turn, ownText);
}

// "during probation?", "on sundays?": a phrase that only qualifies the question before it.
const QUALIFIER =
  /^\s*(?:(?:and|but|what|how)\s+(?:about\s+)?)?(?:during|while|on|for|in|at|after|before)\b/i;

/**
 * "during probation?" after "is it paid?" about sick leave: what the message names is the
 * condition of the question before it, not a topic of its own, so naming an entry ("probation")
 * does not make that entry the answer.
 */
function qualifiesOnly(turn: Turn, ownText: string): boolean {
  return (
    QUALIFIER.test(ownText) && conversationToolsFor(turn.kb.knowledge).coverage.elliptical(ownText)
  );
}

/**
 * "who approves it?" after a clarification offering the overtime rates: "it" is what was just
 * offered, so a message leaning on the conversation is not answered from an entry outside it.
 */
function leavesOfferedTopic({ state }: Turn, ownText: string, entry: KnowledgeEntry): boolean {
  const offered = state.pending?.map((suggestion) => suggestion.entry) ?? [];
  return offered.length > 0 && !offered.includes(entry.id) && leansOnContext(ownText);
}

function sameSubject(a: KnowledgeEntry, b: KnowledgeEntry): boolean {
  return a.subject !== undefined && a.subject === b.subject;
}

function answeredFact({ kb }: Turn, reply: Reply): KnowledgeEntry | undefined {
  if (reply.kind !== 'answer' || reply.entryKind !== 'fact' || reply.parts !== undefined)
    return undefined;
  return kb.entries.get(reply.entry.entry);
}

/** A decline of `ownText` that names the entry it nearly was, in place of answering from it. */
export function declineNear(
  turn: Turn,
  tools: TurnTools,
  ownText: string,
  reply: Reply,
  entry: KnowledgeEntry,
): Resolution {
  const explanation = reply.explanation ?? {
    normalized: ownText.toLowerCase(),
    confidence: reply.confidence,
    thresholds: turn.kb.thresholds,
  };
  const nearest = [turn.kb.suggestion(entry)];
  return { reply: tools.decline(reply.confidence, explanation, nearest), question: ownText };
}
