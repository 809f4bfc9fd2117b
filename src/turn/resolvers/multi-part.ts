import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import { listEntryFor } from '../../conversation/ranked-lists.js';
import { asksSomething, tellsOwnSituation } from '../../conversation/situation-clause.js';
import { MAX_PARTS, splitQuestion } from '../../conversation/split-question.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import type { Reply } from '../../reply.js';
import { answered, combine, offerEachPart } from '../combine-parts.js';
import { guardAnswer, leansOnContext, refersBack } from '../context-guard.js';
import type { Resolution, Resolver, Turn, TurnTools } from '../resolver.js';
import { matchAsked } from './match-asked.js';

/**
 * "how many troops in kuwait and qatar?": a message asking several things gets each part
 * answered in one reply, each with its own attribution. A message that is answered as a whole
 * stays whole, and the split is kept only when some part is answered. Each part goes through
 * `partResolvers` like a question on its own (same thresholds), with the parts before it as its
 * context, so "how many in iraq and how long have they been there" resolves "they" and "there".
 */
export function createMultiPartResolver(partResolvers: readonly Resolver[]): Resolver {
  return async function answerParts(turn, tools) {
    const wholeMatch = tools.match(turn.text);
    const matchedWhole = wholeMatch.reply;
    const whole = answered(matchedWhole);
    const { subjects } = conversationToolsFor(turn.kb.knowledge);
    const questions = splitQuestion(turn.text, subjects);
    const [only] = questions;
    // A message whose pieces make one question ("what about 2020, how many injured then").
    if (whole === undefined && questions.length === 1 && only !== turn.text.trim() && only) {
      const { resolution } = await resolvePart({ ...turn, text: only }, tools, partResolvers);
      return guardAnswer(turn, tools, turn.text, resolution);
    }
    if (questions.length < 2) return undefined;
    const parts = await resolveParts(turn, tools, questions, partResolvers);
    // Only parts that tell were answered: by another entry than the whole message leans to, they
    // answer what was not asked; by that entry, they completed the question.
    const told = onlyToldAnswered(parts);
    const wholeTop = wholeMatch.candidates[0]?.entry;
    if (told?.every(({ reply }) => answered(reply) !== wholeTop)) return undefined;
    if (toldConditionsAnswer(turn, parts)) return undefined;
    const [completed] = told?.every(({ reply }) => answered(reply) === wholeTop) ? told : [];
    if (completed) return { reply: completed.reply };
    const entries = parts.map(({ reply }) => answered(reply));
    // A message answered as a whole stays whole, unless its parts are each answered, by entries
    // of their own, the whole's among them: then the split answers more than the whole did. Or
    // unless a part is the whole's and another asks a question of its own that points elsewhere:
    // "how many troops there now and how many in kuwait?" is not only Kuwait's figure.
    const each = entries.every((e) => e !== undefined);
    if (whole !== undefined && !(entries.includes(whole) && (each || leftOut(tools, parts, whole))))
      return undefined;
    const resolved = comparedListMembers(turn, tools, parts) ?? parts;
    const reply = combine(resolved);
    if (reply === undefined) return offerEachPart({ text: turn.text, reply: matchedWhole }, parts);
    const list = wholeListEntry(
      turn,
      resolved.map((part) => answered(part.reply)),
    );
    return { reply: list ? tools.answer(list, reply.confidence) : reply };
  };
}

const OWN_QUESTION = /^(?:how|what|when|where|who|which|why)\b/i;

/**
 * The answered parts, when every part that asks is unanswered and every answered part only tells
 * (asks nothing). "still in month 3 of probation and been off sick a week, do I get full sick
 * pay?": answered by the probation rules, which the whole message does not lean to, the told part
 * answers what was not asked, and the whole is asked instead ("family discount 15%? how many
 * people??" leans to the discount its first part answers, and stays split). "how many holiday
 * days do we get a year? full time btw": answered by the entry the whole leans to, what was told
 * completed the question, answered with no note that the bare question was not.
 */
function onlyToldAnswered(
  parts: readonly { question: string; reply: Reply }[],
): readonly { question: string; reply: Reply }[] | undefined {
  const answeredParts = parts.filter(({ reply }) => answered(reply) !== undefined);
  const asking = parts.filter(({ question }) => asksSomething(question));
  const onlyTold =
    answeredParts.length > 0 &&
    asking.length > 0 &&
    asking.every(({ reply }) => answered(reply) === undefined) &&
    answeredParts.every(({ question }) => !asksSomething(question));
  return onlyTold ? answeredParts : undefined;
}

/**
 * A part the whole's answer leaves out: unanswered, put as a question of its own ("how many
 * troops there now"), and offered another entry than the whole's, asked alone as well. A fragment ("Gaza start") or a
 * yes/no about the same thing ("is it paid") is part of the whole's question.
 */
function leftOut(
  tools: TurnTools,
  parts: readonly { question: string; reply: Reply }[],
  whole: string,
): boolean {
  return parts.some(({ question, reply }) => {
    const offered = reply.kind === 'answer' ? undefined : reply.suggestions[0]?.entry;
    return (
      answered(reply) === undefined &&
      OWN_QUESTION.test(question.trim()) &&
      offered !== undefined &&
      offered !== whole &&
      // On its own the part may be the whole's question again ("when did the war in Gaza start").
      answered(tools.match(question).reply) !== whole
    );
  });
}

/**
 * "kuwait vs qatar vs bahrain troop numbers": parts that are every position of one ranked list
 * are answered by the entry that gives the list (unranked, related to each, naming each subject),
 * in one answer rather than three that each repeat the ranking.
 */
function wholeListEntry(
  { kb }: Turn,
  entries: readonly (string | undefined)[],
): KnowledgeEntry | undefined {
  const parts = entries.map((id) => (id === undefined ? undefined : kb.entries.get(id)));
  const members = parts.filter((part): part is KnowledgeEntry => part !== undefined);
  const list = members[0]?.rank?.list;
  if (list === undefined || members.length < parts.length) return undefined;
  const positions = new Set(
    [...kb.entries.values()].flatMap((e) => (e.rank?.list === list ? [e.rank.position] : [])),
  );
  if (new Set(members.map((part) => part.rank?.position)).size !== positions.size) return undefined;
  return listEntryFor(kb.entries, members);
}

/**
 * "kuwait vs bahrain", "kuwait vs bahrain troops?": each part is answered, or offered one entry
 * only because it is a bare word (its confidence clears the answer cut-off), and those entries
 * hold different places in one ranked list. Set side by side, the parts ask what the list
 * compares, so the bare ones are answered too.
 */
function comparedListMembers(
  { kb }: Turn,
  tools: TurnTools,
  parts: readonly { question: string; reply: Reply }[],
): { question: string; reply: Reply }[] | undefined {
  const members = parts.map(({ reply }) => {
    const id = answered(reply) ?? bareOffer(reply);
    return id === undefined ? undefined : kb.entries.get(id);
  });
  const list = members[0]?.rank?.list;
  if (list === undefined) return undefined;
  // 0 stands for a part outside the list; positions start at 1.
  const positions = new Set(members.map((m) => (m?.rank?.list === list ? m.rank.position : 0)));
  if (positions.has(0) || positions.size < parts.length) return undefined;
  return parts.map(({ question, reply }, i) => {
    const member = members[i];
    const bare = member !== undefined && answered(reply) === undefined;
    return { question, reply: bare ? tools.answer(member, reply.confidence) : reply };
  });
}

/** The one entry a clarification offers only because the question is a bare word. */
function bareOffer(reply: Reply): string | undefined {
  const cutOff = reply.explanation?.explainedAt ?? reply.explanation?.thresholds.answer ?? 1;
  const [only, ...others] = reply.kind === 'clarify' ? reply.suggestions : [];
  return only !== undefined && others.length === 0 && reply.confidence >= cutOff
    ? only.entry
    : undefined;
}

/**
 * "still on probation (month 2) and got flu, how much sick pay do i get?": a part that tells the
 * asker's situation, unanswered, in a word an answered part's answer uses ("once you have passed
 * probation") may decide which of the answer's rules applies. Answered apart, the situation is
 * ignored; the message is asked whole instead.
 */
function toldConditionsAnswer(
  turn: Turn,
  parts: readonly { question: string; reply: Reply }[],
): boolean {
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  const entries = parts.flatMap(({ reply }) => {
    const entry = turn.kb.entries.get(answered(reply) ?? '');
    return entry === undefined ? [] : [entry];
  });
  return parts.some(({ question, reply }) => {
    if (answered(reply) !== undefined || !tellsOwnSituation(question)) return false;
    const words = new Set(question.split(/\s+/));
    // A situation is told in a few words; a longer part is not one (and is not read word by word).
    if (words.size > MAX_TOLD_WORDS) return false;
    return [...words].some((word) => entries.some((entry) => coverage.answerCovers(word, entry)));
  });
}

const MAX_TOLD_WORDS = 24;

/** Each part in order, the parts before it as its context; one entry answers one part. */
async function resolveParts(
  turn: Turn,
  tools: TurnTools,
  questions: readonly string[],
  partResolvers: readonly Resolver[],
): Promise<{ question: string; reply: Reply }[]> {
  let state = turn.state;
  let unanswered = false;
  const parts: { question: string; reply: Reply }[] = [];
  for (const [index, question] of questions.entries()) {
    // "and bonuses, when are those paid?": "those" are the bonuses the knowledge does not cover,
    // not the last answer's pay days.
    if (unanswered && refersBack(question)) {
      parts.push({ question, reply: tools.help() });
      continue;
    }
    const part: Turn = { ...turn, text: question, state };
    // A later part continues the message: "… and how many were injured" is about the first
    // part, so it is checked as a follow-up ("and …") would be, though matched as it stands.
    const continued = index > 0 && !leansOnContext(question) ? `and ${question}` : question;
    const { resolution, matched } = await resolvePart(part, tools, partResolvers);
    // A part a follow-up resolver answered was checked against its context there; a part matched
    // as it stands is checked here.
    const { reply: guarded } = matched
      ? guardAnswer(part, tools, continued, resolution)
      : resolution;
    // A part answered by several entries ("… and what did she say?") adds each as a part.
    const answers = flatten(turn, tools, question, guarded).slice(0, MAX_PARTS - parts.length);
    for (const { question: asked, reply: resolved } of answers) {
      const entry = answered(resolved);
      // The same answer again would answer a question that was not asked.
      const again = entry !== undefined && parts.some((p) => answered(p.reply) === entry);
      // "who is attacking US forces? and who backs them": read through the part before, it asks
      // what that part's answer already says ("Iran-backed militias"); it is neither repeated
      // nor reported as not covered.
      if (again && !matched && refersBack(question)) continue;
      parts.push({ question: asked, reply: again ? tools.help() : resolved });
      if (entry === undefined || again) unanswered = true;
      if (entry !== undefined && !again)
        state = { last: { entry, question, confidence: resolved.confidence, runnersUp: [] } };
    }
  }
  return parts;
}

/** A reply that is itself several answers, as one part per answer; any other reply as it is. */
function flatten(
  { kb }: Turn,
  tools: TurnTools,
  question: string,
  reply: Reply,
): { question: string; reply: Reply }[] {
  if (reply.kind !== 'answer' || reply.parts === undefined) return [{ question, reply }];
  return reply.parts.flatMap((part) => {
    const entry = part.entry && kb.entries.get(part.entry.entry);
    return entry ? [{ question: part.question, reply: tools.answer(entry, reply.confidence) }] : [];
  });
}

/** A part's resolution, and whether it is a match of the part as it stands (no resolver's). */
async function resolvePart(
  turn: Turn,
  tools: TurnTools,
  resolvers: readonly Resolver[],
): Promise<{ resolution: Resolution; matched: boolean }> {
  for (const resolver of resolvers) {
    const resolution = await resolver(turn, tools);
    if (resolution !== undefined) return { resolution, matched: false };
  }
  return { resolution: matchAsked(turn, tools), matched: true };
}
