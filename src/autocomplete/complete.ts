import type { KnowledgeEntry } from '../knowledge/knowledge.js';
import type { KnowledgeBase } from '../knowledge-base.js';
import type { Suggestion } from '../reply.js';

/**
 * Questions to offer while the user types, best first: curated questions that contain the text
 * literally, then the matcher's candidates for it; examples while nothing is typed.
 */
export function complete(kb: KnowledgeBase, prefix: string, limit: number): readonly Suggestion[] {
  const text = prefix.trim().toLowerCase();
  if (text === '') return kb.examples(limit);
  const facts = kb.knowledge.entries;
  const literal = facts.filter((entry) =>
    entry.questions.some((q) => q.toLowerCase().includes(text)),
  );
  const matched = kb.matcher
    .match(text, limit)
    .candidates.map((candidate) => kb.entries.get(candidate.entry))
    .filter((entry): entry is KnowledgeEntry => entry?.kind === 'fact');
  return [...new Set([...literal, ...matched])].slice(0, limit).map(kb.suggestion);
}
