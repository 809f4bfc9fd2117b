import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { KnowledgeError } from '../errors/knowledge-error.js';
import type { Knowledge, KnowledgeEntry } from './knowledge.js';
import { parseKnowledgeFile } from './parse-knowledge-file.js';

const KNOWLEDGE_EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * Loads a knowledge file, or every `.yaml`/`.yml` file in a folder (in name order), validates each
 * and merges them. Throws a `KnowledgeError` that names the file, line, entry and field.
 */
export async function loadKnowledge(path: string): Promise<Knowledge> {
  const files = await knowledgeFiles(path);
  const parts: Knowledge[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw new KnowledgeError(
        'KNOWLEDGE_READ',
        `cannot read the file: ${describe(cause)}`,
        { file },
        { cause },
      );
    }
    parts.push(parseKnowledgeFile(displayPath(file), text));
  }
  return mergeKnowledge(parts);
}

/** The files a knowledge path stands for, so callers (the reload watcher) can watch them. */
export async function knowledgeFiles(path: string): Promise<string[]> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (cause) {
    throw new KnowledgeError(
      'KNOWLEDGE_READ',
      'no such file or folder. Point KNOWLEDGE_PATH (or --knowledge) at a knowledge .yaml file or a folder of them.',
      { file: displayPath(path) },
      { cause },
    );
  }
  if (!info.isDirectory()) return [path];
  const names = (await readdir(path))
    .filter((name) => KNOWLEDGE_EXTENSIONS.has(extname(name)))
    .sort();
  if (names.length === 0) {
    throw new KnowledgeError('KNOWLEDGE_READ', 'the folder has no .yaml knowledge files', {
      file: displayPath(path),
    });
  }
  return names.map((name) => join(path, name));
}

/** Merges validated files into one knowledge base, checking what only the whole can tell. */
export function mergeKnowledge(parts: readonly Knowledge[]): Knowledge {
  const entries = parts.flatMap((part) => part.entries);
  checkAcrossFiles(entries);
  const thresholds = Object.assign({}, ...parts.map((part) => part.thresholds));
  return {
    files: parts.flatMap((part) => part.files),
    entries,
    synonyms: parts.flatMap((part) => part.synonyms),
    shorthand: Object.assign({}, ...parts.map((part) => part.shorthand ?? {})),
    offTopic: parts.flatMap((part) => part.offTopic),
    thresholds,
    sources: parts.flatMap((part) => part.sources),
  };
}

function checkAcrossFiles(entries: readonly KnowledgeEntry[]): void {
  const byId = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    const first = byId.get(entry.id);
    if (first) {
      throw new KnowledgeError(
        'KNOWLEDGE_INVALID',
        `id "${entry.id}" is already used in ${first.origin?.file}:${first.origin?.line}. Give each entry its own id.`,
        { ...locate(entry), field: 'id' },
      );
    }
    byId.set(entry.id, entry);
  }
  for (const entry of entries) {
    const missing = entry.related.find((id) => !byId.has(id));
    if (missing !== undefined) {
      throw new KnowledgeError(
        'KNOWLEDGE_INVALID',
        `related entry "${missing}" does not exist. Use the id of another entry, or remove it.`,
        { ...locate(entry), field: 'related' },
      );
    }
  }
}

function locate(entry: KnowledgeEntry) {
  return {
    file: entry.origin?.file ?? '(unknown file)',
    entry: entry.id,
    ...(entry.origin && { line: entry.origin.line }),
  };
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
