import type { Thresholds } from '../matcher/matcher.js';

/** Where an entry's facts come from: the publication and, optionally, its title and address. */
export interface KnowledgeSourceInfo {
  readonly publication: string;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
  readonly document?: string | undefined;
}

/** One validated knowledge entry, ready for the matcher and the core. */
export interface KnowledgeEntry {
  readonly id: string;
  /** `fact` entries come from curated files; `conversation` ones are the built-in small talk. */
  readonly kind: 'fact' | 'conversation';
  /** The first one is canonical, shown in suggestions. */
  readonly questions: readonly string[];
  readonly answer: string;
  readonly attribution?: string;
  /** Verbatim passage the answer rests on. */
  readonly passage?: string;
  readonly subject?: string;
  readonly speaker?: string;
  /** Position in an ordered list the source gives; entries of one `list` are ranked by `position`. */
  readonly rank?: { readonly list: string; readonly position: number };
  readonly related: readonly string[];
  readonly source?: KnowledgeSourceInfo;
  /** The file and line the entry was read from, for messages and `kb` tooling. */
  readonly origin?: { readonly file: string; readonly line: number };
}

/** Everything read from one knowledge file or folder, validated and merged. */
export interface Knowledge {
  readonly files: readonly string[];
  readonly entries: readonly KnowledgeEntry[];
  readonly synonyms: readonly (readonly string[])[];
  /** The file's chat shorthand, word → what it stands for (extends the built-in lexicon). */
  readonly shorthand?: Readonly<Record<string, string>>;
  readonly offTopic: readonly string[];
  /** Overrides from the file; anything unset is chosen automatically. */
  readonly thresholds: { readonly [K in keyof Thresholds]?: Thresholds[K] | undefined };
  readonly sources: readonly KnowledgeSourceInfo[];
}
