import { followRank, POSITIONS } from '../../conversation/references.js';
import type { KnowledgeEntry } from '../../knowledge/knowledge.js';
import type { Resolver } from '../resolver.js';
import { rankedFrom } from './follow-up.js';

// "which is second …": the head of the ranking is asked as it stands, so positions from the second on.
const ORDINALS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(POSITIONS).flatMap(([word, position]) =>
    typeof position === 'number' && position >= 2 ? [[word, position]] : [],
  ),
);
const ORDINAL = new RegExp(
  `\\b(?:the\\s+)?(${Object.keys(ORDINALS).join('|')})(\\s+(?:most|largest|biggest|highest))?\\b`,
  'i',
);
// "#3 country for us troops", "number 2 host": a position written as a number.
const NUMBERED = /(?:#|\bnumber\s+|\bno\.\s*)([2-5])\b(\s+(?:most|largest|biggest|highest))?/i;

/** The position a question asks for ("second", "3rd", "#3") and where it says so. */
function askedPosition(text: string): { found: RegExpExecArray; position: number } | undefined {
  const word = ORDINAL.exec(text);
  const named = word?.[1] === undefined ? undefined : ORDINALS[word[1].toLowerCase()];
  if (word && named !== undefined) return { found: word, position: named };
  const numbered = NUMBERED.exec(text);
  return numbered ? { found: numbered, position: Number(numbered[1]) } : undefined;
}

/**
 * "which country is second for us troops": a position in a ranking the knowledge declares
 * (`rank`). The question is asked about the head of the ranking ("… the most …"); when that is
 * answered confidently by an entry of a ranked list, the entry at the asked position answers, or
 * a decline says the list has none there. Anything else falls through.
 */
export const answerRankedQuestion: Resolver = (turn, tools) => {
  const asked = askedPosition(turn.text);
  if (asked === undefined || tools.match(turn.text).reply.kind === 'answer') return undefined;
  const { found, position } = asked;
  const head = turn.text.replace(found[0], found[2] ? `the${found[2]}` : 'the most');
  const { reply } = tools.match(head);
  const top = reply.kind === 'answer' ? turn.kb.entries.get(reply.entry.entry) : undefined;
  if (top === undefined) return undefined;
  const ranked = rankedFrom(turn, top);
  if (ranked.rank === undefined) return undefined;
  const entries: Iterable<KnowledgeEntry> = turn.kb.entries.values();
  const chosen = followRank({ kind: 'position', position }, ranked, entries);
  if (chosen) return { reply: tools.answer(chosen, reply.confidence) };
  const list = [...turn.kb.entries.values()].filter((e) => e.rank?.list === ranked.rank?.list);
  const explanation = reply.explanation ?? {
    normalized: head,
    confidence: 0,
    thresholds: turn.kb.thresholds,
  };
  return {
    reply: tools.decline(0, explanation, list.map(turn.kb.suggestion)),
    question: turn.text,
  };
};
