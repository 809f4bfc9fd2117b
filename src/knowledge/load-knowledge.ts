import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { KnowledgeError } from '../errors/knowledge-error.js';
import type { Knowledge, KnowledgeEntry } from './knowledge.js';
import { type KnowledgeProblem, knowledgeErrorOf } from './knowledge-problems.js';
import { type FileInspection, inspectKnowledgeFile } from './parse-knowledge-file.js';
import { passageProblems } from './source-document.js';

const KNOWLEDGE_EXTENSIONS = new Set(['.yaml', '.yml']);

/**
 * Loads a knowledge file, or every `.yaml`/`.yml` file in a folder (in name order), validates each
 * (passages against the file's `source.document` too) and merges them. Throws a `KnowledgeError`
 * that names the file, line, entry and field of every problem found, not just the first.
 */
export async function loadKnowledge(path: string): Promise<Knowledge> {
  const files = await knowledgeFiles(path);
  const parts: Knowledge[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const file of files) {
    const inspected = await inspectFile(file);
    parts.push(inspected.knowledge);
    problems.push(...inspected.problems);
  }
  problems.push(...problemsAcrossFiles(parts.flatMap((part) => part.entries)));
  if (problems.length > 0) throw knowledgeErrorOf(problems);
  return joinParts(parts);
}

async function inspectFile(file: string): Promise<FileInspection> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const problem: KnowledgeProblem = {
      code: 'KNOWLEDGE_READ',
      problem: `cannot read the file: ${describe(cause)}`,
      location: { file: displayPath(file) },
      cause,
    };
    return { knowledge: emptyPart(displayPath(file)), problems: [problem] };
  }
  const inspected = inspectKnowledgeFile(displayPath(file), text);
  if (inspected.document === undefined) return inspected;
  const { path, line } = inspected.document;
  const location = { file: displayPath(file), line, field: 'source.document' };
  let document: string;
  try {
    document = await readFile(resolve(dirname(file), path), 'utf8');
  } catch (cause) {
    const problem: KnowledgeProblem = {
      code: 'KNOWLEDGE_READ',
      problem: `cannot read the source document "${path}" (${describe(cause)}); the path is relative to the knowledge file`,
      location,
      cause,
    };
    return { ...inspected, problems: [...inspected.problems, problem] };
  }
  const passages = passageProblems(inspected.knowledge.entries, { path, text: document });
  return { ...inspected, problems: [...inspected.problems, ...passages] };
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
  const problems = problemsAcrossFiles(parts.flatMap((part) => part.entries));
  if (problems.length > 0) throw knowledgeErrorOf(problems);
  return joinParts(parts);
}

function joinParts(parts: readonly Knowledge[]): Knowledge {
  return {
    files: parts.flatMap((part) => part.files),
    entries: parts.flatMap((part) => part.entries),
    synonyms: parts.flatMap((part) => part.synonyms),
    shorthand: Object.assign({}, ...parts.map((part) => part.shorthand ?? {})),
    offTopic: parts.flatMap((part) => part.offTopic),
    thresholds: Object.assign({}, ...parts.map((part) => part.thresholds)),
    sources: parts.flatMap((part) => part.sources),
  };
}

/** Ids used in two files, and links to ids that exist nowhere (a file's own duplicates are its own problem). */
function problemsAcrossFiles(entries: readonly KnowledgeEntry[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const byId = new Map<string, KnowledgeEntry>();
  for (const entry of entries) {
    const first = byId.get(entry.id);
    if (first === undefined) byId.set(entry.id, entry);
    else if (first.origin?.file !== entry.origin?.file) {
      problems.push({
        code: 'KNOWLEDGE_INVALID',
        problem: `id "${entry.id}" is already used in ${first.origin?.file}:${first.origin?.line}. Give each entry its own id.`,
        location: { ...locate(entry), field: 'id' },
      });
    }
  }
  for (const entry of entries) {
    for (const missing of entry.related.filter((id) => !byId.has(id))) {
      problems.push({
        code: 'KNOWLEDGE_INVALID',
        problem: `related entry "${missing}" does not exist. Use the id of another entry, or remove it.`,
        location: { ...locate(entry), field: 'related' },
      });
    }
  }
  return problems;
}

function locate(entry: KnowledgeEntry) {
  return {
    file: entry.origin?.file ?? '(unknown file)',
    entry: entry.id,
    ...(entry.origin && { line: entry.origin.line }),
  };
}

function emptyPart(file: string): Knowledge {
  return { files: [file], entries: [], synonyms: [], offTopic: [], thresholds: {}, sources: [] };
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
