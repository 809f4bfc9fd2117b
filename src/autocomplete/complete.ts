import type { KnowledgeBase } from '../knowledge-base.js';
import type { Suggestion } from '../reply.js';
import { rankCompletions } from './rank-completions.js';

/**
 * Questions to offer while the user types, best first (see `rankCompletions`: the half-typed last
 * word counts, the matcher's candidates break ties); examples while nothing is typed.
 */
export function complete(kb: KnowledgeBase, prefix: string, limit: number): readonly Suggestion[] {
  const text = prefix.trim().toLowerCase();
  if (text === '') return kb.examples(limit);
  const facts = kb.knowledge.entries.filter((entry) => entry.kind === 'fact');
  const matched = kb.matcher.match(text, limit).candidates.map((candidate) => candidate.entry);
  const candidates = facts.map((entry) => ({ entry: entry.id, questions: entry.questions }));
  return rankCompletions(prefix, candidates, { matched, limit });
}
