/** An entry the importer built, before ids are settled and it is written out as YAML. */
export interface ImportedEntry {
  /** Words the id is made from (the question, or the sentence's key words). */
  readonly idHint: string;
  /** Canonical question first; all but the first are generated. */
  readonly questions: readonly string[];
  readonly answer: string;
  readonly attribution: string;
  /** Verbatim text of the input the answer rests on. */
  readonly source: string;
  readonly subject?: string;
  readonly speaker?: string;
  /** Line of the input the entry comes from, for the comment above it. */
  readonly line: number;
}

/** What an import produced: the entries and what the file is about. */
export interface ImportResult {
  readonly format: 'faq' | 'document';
  readonly publication: string;
  readonly title?: string;
  readonly entries: readonly ImportedEntry[];
}
