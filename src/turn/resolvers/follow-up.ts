import { detectFollowUp, replaceSubject } from '../../conversation/follow-up.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import type { Resolution, Resolver, Turn, TurnTools } from '../resolver.js';

/**
 * Follow-ups resolve against the last answer; one that leads nowhere (no last answer, no subject,
 * the rewritten question is not answerable) falls through to a fresh question.
 */
export const resolveFollowUp: Resolver = (turn, tools) => {
  const { kb, state, text } = turn;
  const last = state.last && kb.entries.get(state.last.entry);
  const followUp = last && detectFollowUp(text);
  if (!last || !followUp) return undefined;
  switch (followUp.kind) {
    case 'speaker': {
      if (last.speaker === undefined) return undefined;
      const publication = last.source?.publication;
      const said = publication
        ? `According to ${publication}, that was ${last.speaker}.`
        : `That was ${last.speaker}.`;
      return { reply: { ...tools.answer(last, 1), text: said } };
    }
    case 'more': {
      const related = last.related
        .map((id) => kb.entries.get(id))
        .find((entry) => entry !== undefined);
      return related ? { reply: tools.answer(related, 1) } : undefined;
    }
    case 'subject':
      return aboutAnotherSubject(turn, tools, last, followUp.subject);
  }
};

/** "and Qatar?": the last question with its subject swapped, if that gets a clear reply. */
function aboutAnotherSubject(
  { state }: Turn,
  tools: TurnTools,
  last: KnowledgeEntry,
  subject: string,
): Resolution | undefined {
  if (last.subject === undefined) return undefined;
  const base = state.last?.question ?? last.questions[0] ?? '';
  const rewritten =
    replaceSubject(base, last.subject, subject) ??
    replaceSubject(last.questions[0] ?? '', last.subject, subject);
  if (rewritten === undefined) return undefined;
  const { reply } = tools.match(rewritten);
  // Only a confident answer is worth giving; otherwise the text is asked as it stands.
  return reply.kind === 'answer' || reply.kind === 'decline' ? { reply } : undefined;
}
