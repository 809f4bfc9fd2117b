import type { Knowledge, KnowledgeEntry } from '../knowledge/knowledge.js';
import { type Coverage, createCoverage } from './coverage.js';
import { type EntryNouns, entryFrequencies, entryNouns, taggerOf } from './entry-nouns.js';
import { createMetadataAnswerer, type MetadataAnswerer } from './metadata.js';

/** What the conversation resolvers derive from one version of the knowledge. */
export interface ConversationTools {
  readonly coverage: Coverage;
  readonly metadata: MetadataAnswerer;
  /** Every speaker in the knowledge: a subject that is one of them is a person ("she", "he"). */
  readonly people: ReadonlySet<string>;
  /** Every subject, for carrying a shared frame into the parts of a multi-part question. */
  readonly subjects: readonly string[];
  /** What "they" and "it" stand for after an entry's answer, read once per entry. */
  nounsOf(entry: KnowledgeEntry): EntryNouns;
}

// Built once per knowledge version and dropped with it: a reload gets its own.
const built = new WeakMap<Knowledge, ConversationTools>();

export function conversationToolsFor(knowledge: Knowledge): ConversationTools {
  let tools = built.get(knowledge);
  if (tools === undefined) {
    const defined = (values: (string | undefined)[]) =>
      [...new Set(values)].filter((v): v is string => v !== undefined);
    taggerOf();
    const nouns = new Map<string, EntryNouns>();
    const file = { entries: knowledge.entries.length, df: entryFrequencies(knowledge.entries) };
    tools = {
      coverage: createCoverage(knowledge),
      metadata: createMetadataAnswerer(knowledge),
      people: new Set(defined(knowledge.entries.map((entry) => entry.speaker))),
      subjects: defined(knowledge.entries.map((entry) => entry.subject)),
      nounsOf: (entry) => {
        let found = nouns.get(entry.id);
        if (found === undefined) {
          found = entryNouns(entry, file);
          nouns.set(entry.id, found);
        }
        return found;
      },
    };
    built.set(knowledge, tools);
  }
  return tools;
}
