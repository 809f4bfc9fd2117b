import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import { detectFollowUp, replaceSubject } from '../../conversation/follow-up.js';
import {
  asksForEvidence,
  detectOrdinal,
  explains,
  explanationsOf,
  followRank,
  isWhy,
} from '../../conversation/references.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import { slotKind } from '../../matcher/slot-lexicon.js';
import { clarifyReply, emptyExplanation } from '../../reply/build-reply.js';
import { guardAnswer, linkedEntries } from '../context-guard.js';
import type { Resolution, Resolver, Turn, TurnTools } from '../resolver.js';
import { inContext } from './in-context.js';

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
    const [related] = linkedEntries(turn, last);
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
  const other = theOtherOne(turn, tools, last);
  if (other) return other;
  if (followUp?.kind === 'subject') return aboutAnotherSubject(turn, tools, last, followUp.subject);
  return inContext(turn, tools, last);
};

const THE_OTHER = /\bthe\s+other\s+([a-z-]+)/i;

/**
 * "and for the other parent?" after the birth parent's leave, "the other office" after London's
 * hours: the one entry whose subject is the last one's with one other word ("non-birth parent",
 * "Leeds office"), the word named staying.
 */
function theOtherOne(turn: Turn, tools: TurnTools, last: KnowledgeEntry): Resolution | undefined {
  const word = THE_OTHER.exec(turn.text)?.[1]?.toLowerCase();
  const words = (subject: string | undefined) => subject?.toLowerCase().split(/\s+/) ?? [];
  const own = words(last.subject);
  if (word === undefined || !own.includes(word)) return undefined;
  const others = [...turn.kb.entries.values()].filter((entry) => {
    const theirs = words(entry.subject);
    const differ = theirs.filter((w, i) => w !== own[i]).length;
    return (
      entry.kind === 'fact' && theirs.length === own.length && differ === 1 && theirs.includes(word)
    );
  });
  const [only] = others;
  if (others.length !== 1 || only === undefined) return undefined;
  const resolution = { reply: tools.answer(only, 1), question: turn.text };
  const guarded = guardAnswer(turn, tools, turn.text, resolution, true);
  return guarded.reply.kind === 'answer' ? guarded : undefined;
}

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
  // Someone's view ("the attack made the talks harder", said Slim): the reason the knowledge has
  // is what they said, in their own words, related to it, or the quote the answer rests on.
  if (last.speaker !== undefined) {
    const words = ownWordsOf(turn, last);
    if (words) return { reply: tools.answer(words, 1) };
    // The passage is a reason only where it says more than the answer did: a quote answered in
    // full would be the same answer again, to another question.
    const rests = last.passage && saysMore(last.passage, last.answer) && evidence(tools, last);
    if (rests) return rests;
  }
  return inContext(turn, tools, last) ?? noReasonGiven(turn, tools, last);
}

/**
 * Nothing the knowledge has gives the reason: say so rather than match "why?" afresh, and offer
 * what the last answer links to, the nearest the conversation has to a reason.
 */
function noReasonGiven(turn: Turn, tools: TurnTools, last: KnowledgeEntry): Resolution {
  const linked = linkedEntries(turn, last).slice(0, 3).map(turn.kb.suggestion);
  return { reply: tools.decline(0, emptyExplanation(turn.kb), linked), question: turn.text };
}

/** Words the passage has beyond the answer, enough to be more than "she said". */
const MORE_WORDS = 3;

function saysMore(passage: string, answer: string): boolean {
  const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const answered = new Set(words(answer));
  return new Set(words(passage).filter((w) => !answered.has(w))).size >= MORE_WORDS;
}

/** A related entry quoting the same speaker: their reasoning for the view just given. */
function ownWordsOf({ kb }: Turn, last: KnowledgeEntry): KnowledgeEntry | undefined {
  return last.related
    .map((id) => kb.entries.get(id))
    .find(
      (entry) =>
        entry?.kind === 'fact' &&
        entry.speaker === last.speaker &&
        entry.passage !== undefined &&
        quotesSomeone(entry.answer),
    );
}

/** "why do you say that?": the passage the last answer rests on, attributed. */
function evidence(tools: TurnTools, last: KnowledgeEntry): Resolution | undefined {
  const publication = last.source?.publication;
  if (last.passage === undefined || publication === undefined) return undefined;
  // A passage that quotes someone keeps its own quotation marks, not a second pair around them.
  const passage = quotesSomeone(last.passage) ? last.passage : `"${last.passage}"`;
  return { reply: { ...tools.answer(last, 1), text: `${publication} reports: ${passage}` } };
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
  // "and in 2020?" after Kuwait's troops asks Kuwait's troops in 2020: a time is not a subject.
  const rewritten =
    namesTime(subject) && !namesTime(last.subject)
      ? `${base.replace(/[?.!\s]+$/, '')} in ${subject}?`
      : (replaceSubject(base, last.subject, subject) ??
        replaceSubject(last.questions[0] ?? '', last.subject, subject));
  if (rewritten === undefined) return listMemberAbout(turn, tools, last, subject);
  const { reply } = tools.match(rewritten);
  // Only a confident answer is worth giving; otherwise the text is asked as it stands.
  if (reply.kind === 'decline') return { reply, question: turn.text };
  // "what about the press secretary?" after the deputy: a subject that lands on the answer just
  // given changes nothing the knowledge knows, and the same answer would answer another question.
  // "and on sundays?" after the overtime rate the answer gives for Sundays is asked by it again.
  if (
    reply.kind === 'answer' &&
    reply.entry.entry === last.id &&
    !answersTime(turn, last, subject)
  ) {
    const explanation = reply.explanation ?? emptyExplanation(turn.kb);
    return {
      reply: tools.decline(reply.confidence, explanation, [turn.kb.suggestion(last)]),
      question: turn.text,
    };
  }
  return reply.kind === 'answer'
    ? guardAnswer(turn, tools, subject, { reply }, true)
    : listMemberAbout(turn, tools, last, subject);
}

/**
 * "and Qatar?" after "which one has the most?", whose wording names no country to swap: the
 * entry about Qatar in the ranked list the last answer belongs to, when the list has one.
 */
function listMemberAbout(
  turn: Turn,
  tools: TurnTools,
  last: KnowledgeEntry,
  subject: string,
): Resolution | undefined {
  const list = rankedFrom(turn, last).rank?.list;
  if (list === undefined) return undefined;
  const members = [...turn.kb.entries.values()].filter(
    (entry) => entry.rank?.list === list && entry.subject?.toLowerCase() === subject.toLowerCase(),
  );
  const [only] = members;
  return members.length === 1 && only ? { reply: tools.answer(only, 1) } : undefined;
}

/** Whether the subject is a time the entry's answer itself speaks of ("on Sundays"). */
function answersTime(turn: Turn, entry: KnowledgeEntry, subject: string): boolean {
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  return namesTime(subject) && coverage.answerCovers(subject, entry);
}

/** Whether a follow-up's subject is a time ("2020", "last year", "march"), not a name. */
function namesTime(subject: string): boolean {
  const words = subject.toLowerCase().split(/\s+/);
  return words.some((w) => slotKind(w) === 'time') && !words.some((w) => slotKind(w) === 'entity');
}

/** Whether a text holds someone's words in quotation marks. */
function quotesSomeone(text: string): boolean {
  return /["“”]/.test(text);
}
