import type { RoleText } from './action-roles.js';
import { contentKey } from './content-words.js';
import { entryCores, entryRareSlots, entrySlotVariety, entryWordUses } from './entry-profiles.js';
import type { FeatureSpace } from './feature-space.js';
import type { TrainingEntry } from './matcher.js';
import { createRoleIndex } from './role-order.js';
import { createSparseRowsBuilder } from './sparse-vector.js';
import { entryDirections } from './stranded-prepositions.js';
import { entryTimeRelations } from './time-phrases.js';

/**
 * The training phrasings listed by entry and analysed once, when the scorer is built. Apart from
 * the scorer so that what it learns at build time stands apart from what it does per question.
 */

/** The phrasings in entry order, each with its entry, and each entry's first phrasing. */
export function listPhrasings(entries: readonly TrainingEntry[]) {
  const phrasings: string[] = [];
  const phrasingEntry: number[] = [];
  const firstPhrasing: number[] = [];
  entries.forEach((e, i) => {
    firstPhrasing.push(phrasings.length);
    for (const p of e.phrasings) {
      phrasings.push(p);
      phrasingEntry.push(i);
    }
  });
  return { phrasings, phrasingEntry, firstPhrasing };
}

/** Each phrasing analysed once: its packed vectors, and what its tokens say about its entry. */
export function analyzePhrasings(
  phrasings: readonly string[],
  phrasingEntry: readonly number[],
  entryCount: number,
  space: FeatureSpace,
  options: { readonly rich: boolean; readonly curated: boolean },
) {
  const { rich, curated } = options;
  // Only the vectors are kept, packed: the rest of each analysis is garbage at once.
  const docBuilder = createSparseRowsBuilder(phrasings.length);
  const richBuilder = rich ? createSparseRowsBuilder(phrasings.length, 48) : undefined;
  const phrasingContent: string[] = [];
  const phrasingTokens: (readonly string[])[] = [];
  const phrasingTexts: RoleText[] = [];
  for (const p of phrasings) {
    const a = space.analyze(p);
    docBuilder.push(a.vector);
    richBuilder?.push(a.richVector ?? a.vector);
    phrasingTokens.push(a.tokens);
    phrasingTexts.push({ tokens: a.tokens, surfaces: a.surfaces });
    phrasingContent.push(contentKey(a.tokens));
  }
  return {
    docVectors: docBuilder.finish(),
    richVectors: richBuilder?.finish(false),
    phrasingContent,
    roles: createRoleIndex(phrasingTexts, phrasingEntry),
    cores: entryCores(phrasingTokens, phrasingEntry, entryCount),
    // Only a curated file's siblings are told apart by their words (`leavesSlotOpen`).
    wordUses: curated ? entryWordUses(phrasingTokens, phrasingEntry, entryCount) : [],
    rareSlots: entryRareSlots(phrasingTokens, phrasingEntry, entryCount),
    varying: entrySlotVariety(phrasingTokens, phrasingEntry, entryCount),
    timeRelations: entryTimeRelations(phrasingTokens, phrasingEntry, entryCount),
    // Only a curated file's results are priced by the slot evidence these feed.
    directions: curated
      ? entryDirections(phrasingTokens, phrasingEntry, entryCount)
      : Array.from({ length: entryCount }, () => new Set<string>()),
  };
}
