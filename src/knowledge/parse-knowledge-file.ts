import { type Document, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../errors/knowledge-error.js';
import type { Knowledge, KnowledgeEntry } from './knowledge.js';
import { type KnowledgeFileData, knowledgeFileSchema } from './knowledge-schema.js';

/**
 * Parses and validates one knowledge file's text. Every error names the file, the line, the entry id
 * and the field, because the person fixing it is looking at the YAML, not at our data structures.
 */
export function parseKnowledgeFile(file: string, text: string): Knowledge {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lineCounter.linePos(syntax.pos[0]);
    throw new KnowledgeError(
      'KNOWLEDGE_SYNTAX',
      `${firstLine(syntax.message)}. Fix the YAML syntax there (indentation, quotes, a missing "-" or ":").`,
      { file, line: pos.line, column: pos.col },
    );
  }

  const result = knowledgeFileSchema.safeParse(doc.toJS());
  if (!result.success) throw schemaError(file, doc, lineCounter, result.error);

  const data = result.data;
  const entries = data.entries.map((entry, index) =>
    toEntry(file, doc, lineCounter, data, entry, index),
  );
  checkUniqueIds(file, entries);
  return {
    files: [file],
    entries,
    synonyms: data.synonyms ?? [],
    ...(data.shorthand !== undefined && { shorthand: data.shorthand }),
    offTopic: data.offTopic ?? [],
    thresholds: { ...data.thresholds },
    sources: data.source ? [data.source] : [],
  };
}

function toEntry(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  data: KnowledgeFileData,
  entry: KnowledgeFileData['entries'][number],
  index: number,
): KnowledgeEntry {
  const line = lineOf(doc, lineCounter, ['entries', index]) ?? 1;
  return {
    id: entry.id,
    kind: 'fact',
    questions: entry.questions,
    answer: entry.answer,
    related: entry.related ?? [],
    origin: { file, line },
    ...(entry.attribution !== undefined && { attribution: entry.attribution }),
    ...(entry.source !== undefined && { passage: entry.source }),
    ...(entry.subject !== undefined && { subject: entry.subject }),
    ...(entry.speaker !== undefined && { speaker: entry.speaker }),
    ...(entry.rank !== undefined && { rank: entry.rank }),
    ...(data.source !== undefined && { source: data.source }),
  };
}

function checkUniqueIds(file: string, entries: readonly KnowledgeEntry[]): void {
  const seen = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      throw new KnowledgeError(
        'KNOWLEDGE_INVALID',
        `id "${entry.id}" is already used at line ${first.origin?.line}. Give each entry its own id.`,
        { file, entry: entry.id, field: 'id', ...(entry.origin && { line: entry.origin.line }) },
      );
    }
    seen.set(entry.id, entry);
  }
}

function schemaError(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  error: z.ZodError,
): KnowledgeError {
  const issues = error.issues;
  const [issue] = issues;
  // Zod always reports at least one issue on failure; the fallback keeps the types honest.
  if (!issue) return new KnowledgeError('KNOWLEDGE_INVALID', 'invalid knowledge file', { file });
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const line = nearestLine(doc, lineCounter, path);
  const entryIndex = path[0] === 'entries' && typeof path[1] === 'number' ? path[1] : undefined;
  const entryId = entryIndex === undefined ? undefined : doc.getIn(['entries', entryIndex, 'id']);
  const fieldPath = entryIndex === undefined ? path : path.slice(2);
  const field = fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const problem =
    keys.length > 0
      ? `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}; check the spelling against the format in README.md`
      : issue.message;
  const more =
    issues.length > 1
      ? ` (${issues.length - 1} more problem${issues.length > 2 ? 's' : ''} after this one)`
      : '';
  return new KnowledgeError(
    'KNOWLEDGE_INVALID',
    `${problem}${more}`,
    {
      file,
      ...(line !== undefined && { line }),
      ...(typeof entryId === 'string' && { entry: entryId }),
      ...(field !== undefined && { field: keys.length > 0 && field === '' ? keys[0] : field }),
    },
    { cause: error },
  );
}

/** The line of the node at `path`, or of its closest ancestor that exists (a missing field has no node). */
function nearestLine(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const line = lineOf(doc, lineCounter, path.slice(0, depth));
    if (line !== undefined) return line;
  }
  return undefined;
}

function lineOf(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): number | undefined {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  const range = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
  if (!Array.isArray(range) || typeof range[0] !== 'number') return undefined;
  return lineCounter.linePos(range[0]).line;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\.$/, '');
}
