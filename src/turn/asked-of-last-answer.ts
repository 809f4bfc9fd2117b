import { conversationToolsFor } from '../conversation/conversation-tools.js';
import { asksAsEntry, refersBack } from './context-guard.js';
import type { Resolution, Turn, TurnTools } from './resolver.js';

/**
 * "who compiled that?" after the strikes counted by Scripps News: a message about the answer just
 * given, matched only well enough to offer that same answer back. Offering what the asker has
 * just read settles nothing; when the answer's own words give all the message asks, it is the
 * answer. Otherwise the clarification stands.
 */

// The message ends on what it asks about: "who compiled that", "is this right?".
const ENDS_ON_IT = /\b(?:that|this|it)\s*[?!.]*$/i;

export function askedOfLastAnswer(
  turn: Turn,
  tools: TurnTools,
  resolution: Resolution,
): Resolution {
  const { reply } = resolution;
  const lastId = turn.state.last?.entry;
  if (reply.kind !== 'clarify' || lastId === undefined) return resolution;
  const [only, ...others] = reply.suggestions;
  if (only?.entry !== lastId || others.length > 0) return resolution;
  const entry = turn.kb.entries.get(lastId);
  if (entry?.kind !== 'fact') return resolution;
  if (!ENDS_ON_IT.test(turn.text) && !refersBack(turn.text)) return resolution;
  if (!asksAsEntry(turn.text, entry.questions)) return resolution;
  const { coverage } = conversationToolsFor(turn.kb.knowledge);
  if (!coverage.answerCovers(turn.text, entry)) return resolution;
  return { ...resolution, reply: tools.answer(entry, reply.confidence, reply.explanation) };
}
