import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import { type EntryNouns, withNouns } from '../../conversation/entry-nouns.js';
import { referentOf, rewritePronouns } from '../../conversation/references.js';
import { splitQuestion } from '../../conversation/split-question.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import { MIN_LEAD } from '../../matcher/decide.js';
import { isQuestionWord, isStopToken } from '../../matcher/normalize.js';
import { clarifyReply } from '../../reply/build-reply.js';
import type { Suggestion } from '../../reply.js';
import { contextEntries, guardAnswer, leansOnContext, linkedEntries } from '../context-guard.js';
import type { Resolution, Turn, TurnTools } from '../resolver.js';
import { quotesOf } from '../speaker-quotes.js';
import { matchAsked } from './match-asked.js';

/**
 * A follow-up that leans on the last answer ("where does she work?", "when were they planned?"):
 * its pronouns filled from the last answer and, if that is not enough, the last answer's
 * question words carried in. Answered only when that is clear and the entry gives what was asked;
 * a fresh reading of the text is asked otherwise, and a clarification of the rewritten question
 * is preferred to declining the fresh one, since it points the way.
 */
export function inContext(
  turn: Turn,
  tools: TurnTools,
  last: KnowledgeEntry,
): Resolution | undefined {
  if (!leansOnContext(turn.text)) return undefined;
  // Several questions in one message lean on each other first: the multi-part resolver's.
  const { subjects } = conversationToolsFor(turn.kb.knowledge);
  if (splitQuestion(turn.text, subjects).length > 1) return undefined;
  const picked = whichOfThem(turn, tools);
  if (picked) return picked;
  // "which one …?" after a multi-part answer may mean any of its parts: each is tried, last first.
  const others = contextEntries(turn).filter((entry) => entry.id !== last.id);
  const readings = [last, ...others].map((entry) => readAgainst(turn, tools, entry));
  const answered = readings.find((r) => r?.reply.kind === 'answer');
  if (answered) return answered;
  // A guarded decline: the context's entry was found but does not give what is asked. The
  // message may still name another topic it is answered on ("and how many are in iraq?" after
  // the total): the guard lets it move there by naming it.
  const declined = readings.find((r) => r?.reply.kind === 'decline');
  if (declined) {
    const asked = matchAsked(turn, tools);
    return asked.reply.kind === 'answer' ? asked : declined;
  }
  const clarified = readings.find((r) => r?.reply.kind === 'clarify');
  if (clarified === undefined) return undefined;
  if (tools.match(turn.text).reply.kind === 'answer') return undefined;
  return linkedAnswer(turn, tools, last, clarified) ?? clarified;
}

/**
 * The rewritten follow-up was only clarified, but of what it may mean one suggestion is an entry
 * the last answer links to (`related`, curated as what a reader asks next), the only one or one
 * far ahead of the others: the conversation settles it, so that entry answers, if it gives every
 * word the follow-up asks.
 */
function linkedAnswer(
  turn: Turn,
  tools: TurnTools,
  last: KnowledgeEntry,
  clarified: Resolution,
): Resolution | undefined {
  const { reply } = clarified;
  if (reply.kind !== 'clarify') return undefined;
  const confidence = (id: string) =>
    clarified.candidates?.find((c) => c.entry === id)?.confidence ?? 0;
  const linked = reply.suggestions
    .map((suggestion) => turn.kb.entries.get(suggestion.entry))
    .filter(
      (entry): entry is KnowledgeEntry => entry !== undefined && last.related.includes(entry.id),
    )
    .sort((a, b) => confidence(b.id) - confidence(a.id));
  const [best, next] = linked;
  if (best === undefined) return undefined;
  // Two linked suggestions settle nothing, unless one is far ahead of the other: then the other
  // was offered only because the follow-up names it, not because it reads as its question.
  const ahead = (a: number, b: number) => a - b >= MIN_LEAD * a;
  if (next !== undefined && !ahead(confidence(best.id), confidence(next.id))) return undefined;
  // The follow-up read as the last answer's own entry at least as well ("is it paid?" after the
  // birth parent's leave, then the non-birth parent's): the link is a sibling, nothing settles it.
  const rank = (id: string) => clarified.candidates?.findIndex((c) => c.entry === id) ?? -1;
  const own = rank(last.id);
  if (own >= 0 && own < rank(best.id)) return undefined;
  const answer = { reply: tools.answer(best, reply.confidence), question: turn.text };
  const guarded = guardAnswer(turn, tools, turn.text, answer, true);
  return guarded.reply.kind === 'answer' ? guarded : undefined;
}

const WHICH_OF_THEM =
  /^(?:(?:and|so|ok(?:ay)?)\s+)?(?:which|who)\s+(?:one|of\s+(?:them|the\s+two|those|these))\s+(.+)$/i;

/**
 * "which one works at the Middle East Institute?" after answers about Slim and Singh: the one
 * part of the last reply whose entry gives all the question asks, when exactly one does.
 */
function whichOfThem(turn: Turn, tools: TurnTools): Resolution | undefined {
  const rest = WHICH_OF_THEM.exec(turn.text.trim())?.[1];
  const entries = contextEntries(turn);
  if (rest === undefined || entries.length < 2) return undefined;
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  const giving = entries.filter((entry) => coverage.covers(rest, entry));
  const [only] = giving;
  return giving.length === 1 && only
    ? { reply: tools.answer(only, 1), question: turn.text }
    : undefined;
}

/** The follow-up read against one entry of the context: its pronouns filled, its words carried in. */
function readAgainst(turn: Turn, tools: TurnTools, entry: KnowledgeEntry): Resolution | undefined {
  const { people, nounsOf } = conversationToolsFor(turn.kb.knowledge);
  const referent = referentOf(entry, people);
  const rewritten = rewritePronouns(turn.text, referent) ?? turn.text;
  const quotes = quotesOf(turn, tools, referent.person, rewritten);
  if (quotes) return quotes;
  let clarified: Resolution | undefined;
  let clarifiedLinked = false;
  const frames = [entry.questions[0], shortest(entry.questions)];
  // Each reading with the text its answer must give: a noun reading's own words, since the noun
  // is a guess ("died in them" after the strikes is not the deaths in Jordan).
  const nouns = nounReadings(turn.text, nounsOf(entry), referent.place);
  const readings = [
    { question: rewritten, own: turn.text, guess: false },
    ...nouns.map((question) => ({ question, own: question, guess: true })),
    ...frames.map((frame) => ({
      question: withFrameOf(turn.text, frame ?? ''),
      own: turn.text,
      guess: false,
    })),
  ];
  let refused: Resolution | undefined;
  const tried = new Set<string>();
  for (const { question, own, guess } of readings) {
    if (question === turn.text || tried.has(question)) continue;
    tried.add(question);
    const { reply, candidates } = tools.match(question);
    // A guessed noun may lead away from the topic ("died in the attack" is the deaths in Jordan,
    // not the strikes): its answer must stay with the entry read against or what it links to.
    if (reply.kind === 'answer' && guess && !staysWith(turn, entry, reply.entry.entry)) continue;
    if (reply.kind === 'answer') {
      const guarded = guardAnswer(
        turn,
        tools,
        own,
        { reply, question: turn.text, candidates },
        true,
      );
      if (guarded.reply.kind === 'answer' || own === turn.text) return guarded;
      refused ??= guarded;
    }
    // The first clarification is kept, unless a later reading offers an entry this one links to
    // (`related`): "when did the presence in Iraq start" over "when did Iraq start".
    if (reply.kind === 'clarify' && !clarifiedLinked) {
      const suggestions = aboutReferent(turn, reply.suggestions, entry, referent.person);
      const linked = suggestions.some((s) => entry.related.includes(s.entry));
      if (suggestions.length > 0 && reply.explanation && (clarified === undefined || linked)) {
        clarified = {
          reply: clarifyReply(suggestions, reply.confidence, reply.explanation),
          question: turn.text,
          candidates,
        };
        clarifiedLinked = linked;
      }
    }
  }
  return refused ?? clarified;
}

/**
 * Whether an answer is the entry itself, about its subject, or within two links of it: the strikes
 * link to the attacks of recent months, which link to Slim's view that they will go on.
 */
function staysWith({ kb }: Turn, entry: KnowledgeEntry, answered: string): boolean {
  const other = kb.entries.get(answered);
  if (answered === entry.id || (entry.subject !== undefined && other?.subject === entry.subject))
    return true;
  const linked = linkedEntries({ kb }, entry).flatMap((link) => [link.id, ...link.related]);
  return linked.includes(answered);
}

const MAX_NOUN_READING_WORDS = 20;

/**
 * "they"/"it" as the entry's own nouns, "there" as its place, with the place said and without:
 * "will they keep going" after the strikes in Iraq may ask about the strikes anywhere.
 */
function nounReadings(text: string, nouns: EntryNouns, place: string | undefined): string[] {
  // A follow-up that leans on a pronoun is short; a long message is read as it stands, and is
  // not matched twice more for each guess.
  if (text.split(/\s+/).length > MAX_NOUN_READING_WORDS) return [];
  const there = place === undefined ? {} : { place };
  return [withNouns(text, nouns, place), withNouns(text, nouns)]
    .filter((reading): reading is string => reading !== undefined)
    .map((reading) => rewritePronouns(reading, there) ?? reading);
}

const UNFILLED =
  /\b(?:they|them|their|it|its|there|that\s+one|this\s+one|those|these|(?<=which\s+)one|(?<=which\s+)of\s+them)\b/gi;

/** The follow-up with the last answer's content words added: "when were they planned" + "U.S.–Iraq negotiations". */
function withFrameOf(text: string, frameQuestion: string): string {
  // A pronoun left unfilled ("they", "them") stands for the frame's words, which replace it.
  const question = text.replace(UNFILLED, ' ').replace(/\s+/g, ' ').trim();
  const asked = new Set(question.toLowerCase().split(/[^a-z0-9.]+/));
  const frame = frameQuestion
    .split(/\s+/)
    // Only closing punctuation: "U.S." keeps its dots, or it is no longer the country.
    .map((word) => word.replace(/[?!,;:]+$/, ''))
    .filter((word) => {
      const lower = word.toLowerCase();
      return (
        !asked.has(lower) &&
        !isStopToken(lower) &&
        !isQuestionWord(lower) &&
        !/^(?:many|much)$/.test(lower)
      );
    });
  return frame.length === 0 ? question : `${question} ${frame.join(' ')}`;
}

/** The tersest phrasing: its words are the entry's topic, with little else. */
function shortest(questions: readonly string[]): string | undefined {
  return [...questions].sort((a, b) => a.split(/\s+/).length - b.split(/\s+/).length)[0];
}

/**
 * The suggestions a clarified follow-up may offer: not the entry just answered (that points back),
 * and, when the follow-up is about a person ("where does she work?"), nothing about someone else.
 */
function aboutReferent(
  { kb }: Turn,
  suggestions: readonly Suggestion[],
  last: KnowledgeEntry,
  person: string | undefined,
): Suggestion[] {
  const { people } = conversationToolsFor(kb.knowledge);
  return suggestions.filter((suggestion) => {
    const entry = kb.entries.get(suggestion.entry);
    if (entry === undefined || entry.id === last.id) return false;
    const other = referentOf(entry, people).person;
    return person === undefined || other === undefined || other === person;
  });
}
