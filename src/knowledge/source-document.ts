import type { KnowledgeEntry } from './knowledge.js';
import type { KnowledgeProblem } from './knowledge-problems.js';

/** Line breaks and runs of spaces do not make a passage differ: YAML folds long lines. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every entry whose `source` passage does not occur word for word in the source document, as a
 * problem pointing at the passage's line: the bot must never rest an answer on text it cannot show.
 */
export function passageProblems(
  entries: readonly KnowledgeEntry[],
  document: { readonly path: string; readonly text: string },
): KnowledgeProblem[] {
  const body = collapse(document.text);
  return entries.flatMap((entry): KnowledgeProblem[] => {
    if (entry.passage === undefined || body.includes(collapse(entry.passage))) return [];
    const line = entry.origin?.sourceLine ?? entry.origin?.line;
    return [
      {
        code: 'KNOWLEDGE_INVALID',
        problem: `the source passage does not occur verbatim in ${document.path}; copy it from the document word for word`,
        location: {
          file: entry.origin?.file ?? '(unknown file)',
          entry: entry.id,
          field: 'source',
          ...(line !== undefined && { line }),
        },
      },
    ];
  });
}
