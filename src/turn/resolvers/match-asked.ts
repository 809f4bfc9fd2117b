import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import { emptyExplanation } from '../../reply/build-reply.js';
import {
  contextEntries,
  continuesConversation,
  guardAnswer,
  linkedEntries,
} from '../context-guard.js';
import type { Resolution, Resolver, Turn, TurnTools } from '../resolver.js';

/**
 * The question as asked, matched against the knowledge, and checked against the conversation's
 * context (see `context-guard.ts`). Always resolves; a part of a message is matched by it too.
 */
export function matchAsked(turn: Turn, tools: TurnTools): Resolution {
  const { reply, candidates } = tools.match(turn.text);
  return guardAnswer(turn, tools, turn.text, { reply, question: turn.text, candidates });
}

/** A whole message matched as asked, a decline pointing along the conversation. Comes last. */
export const matchInConversation: Resolver = (turn, tools) =>
  pointsAlongContext(turn, tools, matchAsked(turn, tools));

/**
 * "since when?" after the attacks of recent months is declined, but the conversation is about
 * those attacks: the nearest entries are what the last answer links to, not whatever "since
 * when" matches best on its own (the planning of the talks).
 */
function pointsAlongContext(turn: Turn, tools: TurnTools, resolution: Resolution): Resolution {
  const { reply } = resolution;
  const [last] = contextEntries(turn);
  if (reply.kind !== 'decline' || last === undefined || !continuesConversation(turn, turn.text))
    return resolution;
  const linked = linkedEntries(turn, last);
  const offered = (entry: KnowledgeEntry) => reply.suggestions.some((s) => s.entry === entry.id);
  if (linked.length === 0 || linked.some(offered)) return resolution;
  const explanation = reply.explanation ?? emptyExplanation(turn.kb);
  const nearest = linked.slice(0, 3).map(turn.kb.suggestion);
  return { ...resolution, reply: tools.decline(reply.confidence, explanation, nearest) };
}
