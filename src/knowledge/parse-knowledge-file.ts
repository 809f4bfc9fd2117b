import { LineCounter, parseDocument } from 'yaml';
import type { Knowledge, KnowledgeEntry, KnowledgeSourceInfo } from './knowledge.js';
import { type KnowledgeProblem, knowledgeErrorOf } from './knowledge-problems.js';
import { type EntryData, entrySchema, knowledgeFileSchema } from './knowledge-schema.js';
import { schemaProblems } from './schema-problems.js';
import { createYamlLines, type YamlLines } from './yaml-lines.js';

/** What one file holds: the entries that are valid, and every problem found, each with its line. */
export interface FileInspection {
  /** The valid part of the file, so checks across files can still run; complete when `problems` is empty. */
  readonly knowledge: Knowledge;
  readonly problems: readonly KnowledgeProblem[];
  /** `source.document` as written, with its line, for the loader to read and check passages against. */
  readonly document?: { readonly path: string; readonly line: number };
}

/**
 * Parses and validates one knowledge file's text. Every error names the file, the line, the entry id
 * and the field, because the person fixing it is looking at the YAML, not at our data structures.
 * Throws a `KnowledgeError` listing every problem; passages are checked against `source.document`
 * by `loadKnowledge`, which reads files (this function does not).
 */
export function parseKnowledgeFile(file: string, text: string): Knowledge {
  const inspection = inspectKnowledgeFile(file, text);
  if (inspection.problems.length > 0) throw knowledgeErrorOf(inspection.problems);
  return inspection.knowledge;
}

/** Like `parseKnowledgeFile`, but gathers every problem instead of throwing. */
export function inspectKnowledgeFile(file: string, text: string): FileInspection {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((syntax): KnowledgeProblem => {
      const pos = lineCounter.linePos(syntax.pos[0]);
      return {
        code: 'KNOWLEDGE_SYNTAX',
        problem: `${firstLine(syntax.message)}. Fix the YAML syntax there (indentation, quotes, a missing "-" or ":").`,
        location: { file, line: pos.line, column: pos.col },
      };
    });
    return { knowledge: emptyKnowledge(file), problems };
  }
  const lines = createYamlLines(doc, lineCounter);
  const js: unknown = doc.toJS();
  const result = knowledgeFileSchema.safeParse(js);
  const problems = result.success ? [] : schemaProblems(file, doc, lines, result.error);
  const source = result.success ? result.data.source : validSource(js);
  const entries = validEntries(result.success ? result.data.entries : rawEntries(js)).map(
    ({ entry, index }) => toEntry(file, lines, source, entry, index),
  );
  problems.push(...duplicateIds(file, entries));
  const documentLine = lines.of(['source', 'document']);
  return {
    knowledge: {
      files: [file],
      entries,
      synonyms: result.data?.synonyms ?? [],
      ...(result.data?.shorthand !== undefined && { shorthand: result.data.shorthand }),
      offTopic: result.data?.offTopic ?? [],
      thresholds: { ...result.data?.thresholds },
      sources: source ? [source] : [],
    },
    problems,
    ...(source?.document !== undefined && {
      document: { path: source.document, line: documentLine ?? 1 },
    }),
  };
}

function toEntry(
  file: string,
  lines: YamlLines,
  source: KnowledgeSourceInfo | undefined,
  entry: EntryData,
  index: number,
): KnowledgeEntry {
  const at = (...path: (string | number)[]) => lines.of(['entries', index, ...path]);
  const line = at() ?? 1;
  const sourceLine = at('source');
  return {
    id: entry.id,
    kind: 'fact',
    questions: entry.questions,
    answer: entry.answer,
    related: entry.related ?? [],
    origin: {
      file,
      line,
      questionLines: entry.questions.map((_, i) => at('questions', i) ?? line),
      ...(sourceLine !== undefined && { sourceLine }),
    },
    ...(entry.attribution !== undefined && { attribution: entry.attribution }),
    ...(entry.source !== undefined && { passage: entry.source }),
    ...(entry.subject !== undefined && { subject: entry.subject }),
    ...(entry.speaker !== undefined && { speaker: entry.speaker }),
    ...(entry.rank !== undefined && { rank: entry.rank }),
    ...(entry.review !== undefined && { review: entry.review }),
    ...(source !== undefined && { source }),
  };
}

/** The entries that are valid on their own, with their index in the file (for line numbers). */
function validEntries(raw: readonly unknown[]): { entry: EntryData; index: number }[] {
  return raw.flatMap((item, index) => {
    const parsed = entrySchema.safeParse(item);
    return parsed.success ? [{ entry: parsed.data, index }] : [];
  });
}

function rawEntries(js: unknown): unknown[] {
  const entries = isRecord(js) ? js['entries'] : undefined;
  return Array.isArray(entries) ? entries : [];
}

function validSource(js: unknown): KnowledgeSourceInfo | undefined {
  const parsed = knowledgeFileSchema.shape.source.safeParse(
    isRecord(js) ? js['source'] : undefined,
  );
  return parsed.success ? parsed.data : undefined;
}

function duplicateIds(file: string, entries: readonly KnowledgeEntry[]): KnowledgeProblem[] {
  const seen = new Map<string, KnowledgeEntry>();
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        code: 'KNOWLEDGE_INVALID',
        problem: `id "${entry.id}" is already used at line ${first.origin?.line}. Give each entry its own id.`,
        location: {
          file,
          entry: entry.id,
          field: 'id',
          ...(entry.origin && { line: entry.origin.line }),
        },
      });
    } else {
      seen.set(entry.id, entry);
    }
  }
  return problems;
}

function emptyKnowledge(file: string): Knowledge {
  return { files: [file], entries: [], synonyms: [], offTopic: [], thresholds: {}, sources: [] };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}
