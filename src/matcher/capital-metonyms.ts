import { countries } from 'countries-list';

/**
 * "Baghdad's leadership", "does Manama host…", "Washington-Baghdad talks": a capital standing for
 * its country, as news writes it. Only for countries the phrasings name and capitals they never
 * do: a knowledge file about Washington itself keeps it. Apart from the normaliser because it
 * reads a gazetteer (countries-list) and the phrasings, which the normaliser does not.
 */

/** After these a capital is where something is ("troops in Doha"), not who acts: it stays. */
export const LOCATIVES: ReadonlySet<string> = new Set([
  'in',
  'at',
  'near',
  'around',
  'outside',
  'inside',
  'to',
  'from',
  'into',
  'via',
  'through',
  'across',
]);

/** Lower-case capital → the lower-case country name the phrasings use, for one-word capitals. */
export function capitalMetonyms(phrasings: readonly string[]): ReadonlyMap<string, string> {
  const words = new Set(
    phrasings
      .join(' ')
      .toLowerCase()
      .split(/[^a-z]+/),
  );
  const hasName = (name: string) => name.split(/\s+/).every((w) => words.has(w));
  const metonyms = new Map<string, string>();
  for (const country of Object.values(countries)) {
    const capital = country.capital.toLowerCase();
    if (!/^[a-z]+$/.test(capital) || words.has(capital)) continue;
    const named = [country.name, ...(country.alias ?? [])]
      .map((name) => name.toLowerCase())
      .find((name) => /^[a-z ]+$/.test(name) && hasName(name));
    if (named !== undefined) metonyms.set(capital, named);
  }
  return metonyms;
}
