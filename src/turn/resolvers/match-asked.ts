import { conversationToolsFor } from '../../conversation/conversation-tools.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import { emptyExplanation } from '../../reply/build-reply.js';
import type { Reply } from '../../reply.js';
import { contextEntries, guardAnswer, leansOnContext, linkedEntries } from '../context-guard.js';
import type { Resolution, Resolver, Turn, TurnTools } from '../resolver.js';

/** The text matched as it stands and checked against the conversation's context. */
function matchAsIs(turn: Turn, tools: TurnTools): Resolution {
  const { reply, candidates } = tools.match(turn.text);
  return guardAnswer(turn, tools, turn.text, { reply, question: turn.text, candidates });
}

/**
 * The question as asked, matched against the knowledge, and checked against the conversation's
 * context (see `context-guard.ts`). Always resolves; a part of a message is matched by it too.
 */
export const matchAsked: Resolver = matchAsIs;

/** A whole message matched as asked, a decline pointing along the conversation. Comes last. */
export const matchInConversation: Resolver = (turn, tools) =>
  pointsAlongContext(turn, tools, matchAsIs(turn, tools));

/**
 * "since when?" after the attacks of recent months is declined, but the conversation is about
 * those attacks: the nearest entries are what the last answer links to, not whatever "since
 * when" matches best on its own (the planning of the talks).
 */
function pointsAlongContext(turn: Turn, tools: TurnTools, resolution: Resolution): Resolution {
  const { reply } = resolution;
  const [last] = contextEntries(turn);
  if (reply.kind !== 'decline' || last === undefined || !follows(turn, turn.text))
    return resolution;
  const linked = linkedEntries(turn, last);
  if (linked.length === 0 || offersAny(reply, linked)) return resolution;
  const explanation = reply.explanation ?? emptyExplanation(turn.kb);
  const nearest = linked.slice(0, 3).map(turn.kb.suggestion);
  return { ...resolution, reply: tools.decline(reply.confidence, explanation, nearest) };
}

/** A message that only continues the conversation: too short to stand alone, or leaning on it. */
function follows({ kb }: Turn, text: string): boolean {
  return leansOnContext(text) || conversationToolsFor(kb.knowledge).coverage.elliptical(text);
}

function offersAny(reply: Reply, entries: readonly KnowledgeEntry[]): boolean {
  return (
    reply.kind === 'decline' && reply.suggestions.some((s) => entries.some((e) => e.id === s.entry))
  );
}
