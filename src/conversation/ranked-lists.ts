import type { KnowledgeEntry } from '../knowledge/knowledge.js';

/**
 * The entry that gives a ranking as a whole ("Kuwait hosts the most …, followed by Qatar …") for
 * some of its members: a fact with no rank of its own, related to each member, naming each
 * member's subject. Undefined when the members are not all of one list, or no entry gives it.
 */
export function listEntryFor(
  entries: ReadonlyMap<string, KnowledgeEntry>,
  members: readonly KnowledgeEntry[],
): KnowledgeEntry | undefined {
  const list = members[0]?.rank?.list;
  if (list === undefined || members.some((member) => member.rank?.list !== list)) return undefined;
  return [...entries.values()].find(
    (entry) =>
      entry.kind === 'fact' &&
      entry.rank === undefined &&
      members.every(
        (member) =>
          entry.related.includes(member.id) &&
          member.subject !== undefined &&
          entry.answer.includes(member.subject),
      ),
  );
}
