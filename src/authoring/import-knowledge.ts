import stopwords from 'natural/lib/natural/util/stopwords.js';
import { MIN_QUESTIONS } from '../knowledge/knowledge-schema.js';
import { createNormalizer } from '../matcher/normalize.js';
import { importDocument } from './import-document.js';
import { importFaq, isQuestionHeading } from './import-faq.js';
import type { ImportedEntry, ImportResult } from './imported-entry.js';
import { inlineText, markdownBlocks } from './markdown-blocks.js';

export type ImportFormat = 'faq' | 'document';

export interface ImportOptions {
  /** Forced format; by default a file with question headings is an FAQ, anything else a document. */
  readonly format?: ImportFormat | undefined;
  /** Who the facts are credited to; by default the file's `# title`, else `fallbackName`. */
  readonly publication?: string | undefined;
  /** A name for the source when it has no title (the importer uses the file name). */
  readonly fallbackName: string;
}

const STOPWORDS: ReadonlySet<string> = new Set(stopwords.words);

/**
 * Turns an FAQ or a document into knowledge entries, each with at least six distinct phrasings,
 * none shared with another entry (as the matcher reads them), and a unique id.
 */
export function importKnowledge(text: string, options: ImportOptions): ImportResult {
  const blocks = markdownBlocks(text);
  const title = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const titleText = title?.kind === 'heading' ? inlineText(title.text) : undefined;
  const publication = options.publication ?? titleText ?? options.fallbackName;
  const format =
    options.format ?? (blocks.filter(isQuestionHeading).length >= 2 ? 'faq' : 'document');
  const raw = format === 'faq' ? importFaq(blocks, publication) : importDocument(text, publication);
  return {
    format,
    publication,
    ...(titleText !== undefined && { title: titleText }),
    entries: settle(raw),
  };
}

/**
 * Each phrasing kept once, in the first entry that has it; generated ones that another entry also
 * has are dropped from both, so no two entries share a phrasing. Entries left with too few
 * phrasings to be learnt are dropped rather than written invalid.
 */
function settle(entries: readonly ImportedEntry[]): ImportedEntry[] {
  const normalizer = createNormalizer();
  const formOf = (q: string) =>
    normalizer
      .words(q)
      .map((w) => w.token)
      .join(' ');
  const owners = new Map<string, Set<number>>();
  entries.forEach((entry, i) => {
    for (const q of entry.questions) {
      const form = formOf(q);
      owners.set(form, (owners.get(form) ?? new Set()).add(i));
    }
  });
  const ids = new Set<string>();
  return entries.flatMap((entry, i) => {
    const seen = new Set<string>();
    const questions = entry.questions.filter((q, k) => {
      const form = formOf(q);
      // Every form was registered above; one no entry owned would be shared by none.
      const shared = (owners.get(form)?.size ?? 0) > 1;
      if (form === '' || seen.has(form) || (shared && k > 0)) return false;
      seen.add(form);
      return true;
    });
    if (questions.length < MIN_QUESTIONS) return [];
    return [{ ...entry, questions, idHint: uniqueId(entry.idHint, ids, i) }];
  });
}

function uniqueId(hint: string, taken: Set<string>, index: number): string {
  const words = hint
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !STOPWORDS.has(w));
  const base = words.slice(0, 6).join('-') || `entry-${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}
