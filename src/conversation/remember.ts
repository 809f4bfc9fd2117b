import type { KnowledgeBase } from '../knowledge-base.js';
import type { Candidate } from '../matcher/matcher.js';
import type { QueryContext } from '../query.js';
import { HELP_ENTRY, suggestionsFor } from '../reply/build-reply.js';
import type { Reply } from '../reply.js';
import type { ConversationMemory, ConversationState } from './conversation-memory.js';

/** What a reply leaves for the next message to refer to. */
export interface Remembered {
  readonly reply: Reply;
  /** The question as the user put it; an answer without one is remembered under its entry's. */
  readonly question?: string;
  readonly candidates?: readonly Candidate[];
}

/**
 * Stores what the next message may refer to: the answer given (for follow-ups and 👎, with its
 * runners-up), or the numbered list offered. Uses the turn's knowledge base, never a newer one.
 */
export async function rememberReply(
  memory: ConversationMemory,
  kb: KnowledgeBase,
  context: QueryContext,
  state: ConversationState,
  { reply, question, candidates = [] }: Remembered,
  maxSuggestions: number,
): Promise<void> {
  if (
    reply.kind === 'answer' &&
    reply.entryKind === 'conversation' &&
    reply.entry.entry !== HELP_ENTRY
  ) {
    // Small talk ("thanks") is not what a follow-up refers to: the answer before it still is.
    if (state.pending !== undefined) await memory.write(context, withoutPending(state));
    return;
  }
  if (reply.kind === 'answer' && reply.entry.entry !== HELP_ENTRY) {
    const others = candidates.filter((c) => c.entry !== reply.entry.entry);
    const parts = reply.parts?.flatMap((part) => (part.entry ? [part.entry.entry] : []));
    await memory.write(context, {
      last: {
        entry: reply.entry.entry,
        question: question ?? reply.entry.question,
        confidence: reply.confidence,
        runnersUp: suggestionsFor(kb, others, maxSuggestions),
        ...(parts !== undefined && parts.length > 1 && { parts }),
      },
    });
    return;
  }
  // A declined or clarified turn ends the context: its follow-ups must not reach an older answer.
  const offered = reply.kind === 'answer' ? reply.related : reply.suggestions;
  const topic = state.last?.entry ?? state.topic;
  await memory.write(context, {
    ...(offered.length > 0 && { pending: offered }),
    ...(topic !== undefined && { topic }),
  });
}

function withoutPending({ pending: _, ...state }: ConversationState): ConversationState {
  return state;
}
