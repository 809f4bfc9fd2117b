import { conversationToolsFor } from '../conversation/conversation-tools.js';
import { declineNear } from './context-guard.js';
import type { Resolution, Turn, TurnTools } from './resolver.js';

/**
 * "what did the iraqi security forces say about the talks?" answered with Randa Slim's quote,
 * which names those forces: the question asks what someone said, and the answer must be theirs.
 * Whoever the message names must be the entry's speaker, subject or source (`attribution`), else
 * the answer is offered, not given. Pronouns are the context guard's to check.
 */

const WHAT_SAID =
  /\bwhat\s+(?:did|does|do|has|have|had)\s+(.{1,60}?)\s+(?:say|said|think|thinks|tell|told|mean|claim|claimed)\b/i;
const PRONOUN = /^(?:she|he|they|it|you|i|we|this|that)$/i;
// What the knowledge itself is: "what did the article say about kuwait?" asks the source.
const THE_SOURCE = 'article story report news source';

export function guardSpeaker(turn: Turn, tools: TurnTools, resolution: Resolution): Resolution {
  const { reply } = resolution;
  if (reply.kind !== 'answer' || reply.entryKind !== 'fact') return resolution;
  const who = WHAT_SAID.exec(turn.text)?.[1]?.trim();
  if (who === undefined || PRONOUN.test(who)) return resolution;
  // A reply of several parts answers each from its own entry: any of them may be the one asked.
  const ids = reply.parts?.flatMap((part) => (part.entry ? [part.entry.entry] : [])) ?? [
    reply.entry.entry,
  ];
  const entries = ids.flatMap((id) => turn.kb.entries.get(id) ?? []);
  const [entry] = entries;
  // Only someone's words can be another's: what a headline or a figure says is not a quote.
  if (entry === undefined || !entries.some((e) => e.speaker !== undefined)) return resolution;
  const source = [
    ...entries.flatMap((e) => [e.speaker, e.subject, e.attribution, e.source?.publication]),
    THE_SOURCE,
  ].join(' ');
  if (conversationToolsFor(turn.kb.knowledge).coverage.saidWithin(who, source)) return resolution;
  return declineNear(turn, tools, turn.text, reply, entry);
}
