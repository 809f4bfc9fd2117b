import type { TrainingEntry } from '../matcher/matcher.js';
import type { KnowledgeEntry } from './knowledge.js';

/**
 * What the matcher learns from an entry: its phrasings and, for a curated fact, its answer (whose
 * numbers are the entry's own). One definition, so the bot and `kb check` train alike.
 */
export function trainingEntryOf(entry: KnowledgeEntry): TrainingEntry {
  return {
    id: entry.id,
    phrasings: entry.questions,
    ...(entry.kind === 'fact' && { answer: entry.answer }),
  };
}
