import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import { detectFollowUp, replaceSubject } from '../../conversation/follow-up.js';
import {
  asksForEvidence,
  detectOrdinal,
  explains,
  explanationsOf,
  followRank,
  isWhy,
  referentOf,
  rewritePronouns,
} from '../../conversation/references.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import { isQuestionWord, isStopToken } from '../../matcher/normalize.js';
import { clarifyReply, emptyExplanation } from '../../reply/build-reply.js';
import type { Suggestion } from '../../reply.js';
import { contextEntries, guardAnswer, leansOnContext } from '../context-guard.js';
import type { Resolution, Resolver, Turn, TurnTools } from '../resolver.js';

/**
 * Follow-ups resolve against the last answer: "who said that?", "tell me more", "why?", "and
 * after that?", "and Qatar?", and pronouns ("where does she work?"). A rewritten question is
 * answered only when it is confidently answerable and the entry gives what the follow-up asks;
 * one that leads nowhere falls through to a fresh question.
 */
export const resolveFollowUp: Resolver = (turn, tools) => {
  const { kb, state, text } = turn;
  const last = state.last && kb.entries.get(state.last.entry);
  if (last?.kind !== 'fact') return undefined;
  const followUp = detectFollowUp(text);
  if (followUp?.kind === 'speaker') return whoSaidIt(tools, last);
  if (followUp?.kind === 'more') {
    const related = last.related.map((id) => kb.entries.get(id)).find((e) => e !== undefined);
    return related ? { reply: tools.answer(related, 1) } : undefined;
  }
  if (asksForEvidence(text)) return evidence(tools, last);
  if (isWhy(text)) return explain(turn, tools, last);
  const ordinal = detectOrdinal(text);
  if (ordinal)
    return byRank(
      turn,
      tools,
      last,
      followRank(ordinal, rankedFrom(turn, last), kb.entries.values(), state.last?.parts),
    );
  if (followUp?.kind === 'subject') return aboutAnotherSubject(turn, tools, last, followUp.subject);
  return inContext(turn, tools, last);
};

function whoSaidIt(tools: TurnTools, last: KnowledgeEntry): Resolution | undefined {
  if (last.speaker === undefined) return undefined;
  const publication = last.source?.publication;
  const said = publication
    ? `According to ${publication}, that was ${last.speaker}.`
    : `That was ${last.speaker}.`;
  return { reply: { ...tools.answer(last, 1), text: said } };
}

/** "why?": a related entry that gives a reason, or the last one itself when it does. */
function explain(turn: Turn, tools: TurnTools, last: KnowledgeEntry): Resolution | undefined {
  const reasons = explanationsOf(last, turn.kb.entries);
  if (reasons.length === 1 && reasons[0]) return { reply: tools.answer(reasons[0], 1) };
  if (reasons.length > 1) {
    const suggestions = reasons.slice(0, 3).map(turn.kb.suggestion);
    return { reply: clarifyReply(suggestions, 1, emptyExplanation(turn.kb)) };
  }
  // The last answer itself gives a reason ("why were the talks delayed?" is one of its phrasings).
  if (explains(last)) return { reply: tools.answer(last, 1) };
  return inContext(turn, tools, last);
}

/** "why do you say that?": the passage the last answer rests on, attributed. */
function evidence(tools: TurnTools, last: KnowledgeEntry): Resolution | undefined {
  const publication = last.source?.publication;
  if (last.passage === undefined || publication === undefined) return undefined;
  return { reply: { ...tools.answer(last, 1), text: `${publication} reports: "${last.passage}"` } };
}

/** The entry whose ranked list an ordinal refers to: the last answer's, or one of its related. */
export function rankedFrom({ kb }: Pick<Turn, 'kb'>, last: KnowledgeEntry): KnowledgeEntry {
  if (last.rank !== undefined) return last;
  const lists = last.related
    .map((id) => kb.entries.get(id))
    .filter((entry): entry is KnowledgeEntry => entry?.rank !== undefined);
  const [first] = lists;
  // An entry that lists the ranking (no rank of its own) stands before its first position.
  return first?.rank && lists.every((entry) => entry.rank?.list === first.rank?.list)
    ? { ...last, rank: { list: first.rank.list, position: 0 } }
    : last;
}

function byRank(
  turn: Turn,
  tools: TurnTools,
  last: KnowledgeEntry,
  next: KnowledgeEntry | undefined,
): Resolution | undefined {
  if (next) return { reply: tools.answer(next, 1) };
  if (rankedFrom(turn, last).rank === undefined) return undefined;
  // The list is known and has nothing there: say so, and offer the list itself.
  const list = rankedFrom(turn, last).rank?.list;
  const members = [...turn.kb.entries.values()].filter((e) => e.rank?.list === list);
  const explanation = {
    normalized: turn.text.toLowerCase(),
    confidence: 0,
    thresholds: turn.kb.thresholds,
  };
  return {
    reply: tools.decline(0, explanation, members.map(turn.kb.suggestion)),
    question: turn.text,
  };
}

/** "and Qatar?": the last question with its subject swapped, if that gets a clear reply. */
function aboutAnotherSubject(
  turn: Turn,
  tools: TurnTools,
  last: KnowledgeEntry,
  subject: string,
): Resolution | undefined {
  if (last.subject === undefined) return undefined;
  const base = turn.state.last?.question ?? last.questions[0] ?? '';
  const rewritten =
    replaceSubject(base, last.subject, subject) ??
    replaceSubject(last.questions[0] ?? '', last.subject, subject);
  if (rewritten === undefined) return undefined;
  const { reply } = tools.match(rewritten);
  // Only a confident answer is worth giving; otherwise the text is asked as it stands.
  if (reply.kind === 'decline') return { reply, question: turn.text };
  return reply.kind === 'answer' ? guardAnswer(turn, tools, subject, { reply }, true) : undefined;
}

/**
 * A follow-up that leans on the last answer ("where does she work?", "when were they planned?"):
 * its pronouns filled from the last answer and, if that is not enough, the last answer's
 * question words carried in. Answered only when that is clear and the entry gives what was asked;
 * a fresh reading of the text is asked otherwise, and a clarification of the rewritten question
 * is preferred to declining the fresh one, since it points the way.
 */
function inContext(turn: Turn, tools: TurnTools, last: KnowledgeEntry): Resolution | undefined {
  if (!leansOnContext(turn.text)) return undefined;
  // "which one …?" after a multi-part answer may mean any of its parts: each is tried, last first.
  const others = contextEntries(turn).filter((entry) => entry.id !== last.id);
  const readings = [last, ...others].map((entry) => readAgainst(turn, tools, entry));
  const answered = readings.find((r) => r?.reply.kind === 'answer');
  if (answered) return answered;
  // A guarded decline: the context's entry was found but does not give what is asked.
  const declined = readings.find((r) => r?.reply.kind === 'decline');
  if (declined) return declined;
  const clarified = readings.find((r) => r?.reply.kind === 'clarify');
  if (clarified === undefined) return undefined;
  return tools.match(turn.text).reply.kind === 'answer' ? undefined : clarified;
}

/** The follow-up read against one entry of the context: its pronouns filled, its words carried in. */
function readAgainst(turn: Turn, tools: TurnTools, entry: KnowledgeEntry): Resolution | undefined {
  const { people } = conversationToolsFor(turn.kb.knowledge);
  const referent = referentOf(entry, people);
  const rewritten = rewritePronouns(turn.text, referent) ?? turn.text;
  const quotes = quotesOf(turn, referent.person, rewritten);
  if (quotes) return quotes;
  let clarified: Resolution | undefined;
  const frames = [entry.questions[0], shortest(entry.questions)];
  const questions = [rewritten, ...frames.map((frame) => withFrameOf(turn.text, frame ?? ''))];
  for (const question of new Set(questions)) {
    if (question === turn.text) continue;
    const { reply, candidates } = tools.match(question);
    if (reply.kind === 'answer')
      return guardAnswer(turn, tools, turn.text, { reply, question: turn.text, candidates }, true);
    if (reply.kind === 'clarify' && clarified === undefined) {
      const suggestions = aboutReferent(turn, reply.suggestions, entry, referent.person);
      if (suggestions.length > 0 && reply.explanation)
        clarified = {
          reply: clarifyReply(suggestions, reply.confidence, reply.explanation),
          question: turn.text,
          candidates,
        };
    }
  }
  return clarified;
}

/** "what did she say?" about someone quoted: their quotes to choose from. */
function quotesOf(
  turn: Turn,
  person: string | undefined,
  rewritten: string,
): Resolution | undefined {
  if (person === undefined) return undefined;
  const name = person.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const said = new RegExp(
    `^(?:and\\s+)?what\\s+(?:else\\s+)?(?:did|does|has)\\s+${name}\\s+(?:say|said)\\s*[?.!]*$`,
    'i',
  );
  if (!said.test(rewritten)) return undefined;
  const quotes = [...turn.kb.entries.values()].filter((entry) => entry.speaker === person);
  if (quotes.length === 0) return undefined;
  const suggestions = quotes.slice(0, 3).map(turn.kb.suggestion);
  return { reply: clarifyReply(suggestions, 1, emptyExplanation(turn.kb)) };
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
