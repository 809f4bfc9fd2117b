import type { Document } from 'yaml';
import { z } from 'zod';
import { closestWord } from './closest-word.js';
import type { KnowledgeProblem } from './knowledge-problems.js';
import { knowledgeFileSchema } from './knowledge-schema.js';
import type { YamlLines } from './yaml-lines.js';

type Path = readonly (string | number)[];

/**
 * Every schema issue as a problem with file, line, entry and field. An unknown field is named with
 * the known one it most likely misspells, and the "missing field" issue that typo causes is folded
 * into it: `anwser: …` is one problem ("did you mean answer?"), not two.
 */
export function schemaProblems(
  file: string,
  doc: Document,
  lines: YamlLines,
  error: z.ZodError,
): KnowledgeProblem[] {
  const issues = error.issues.map((issue) => ({
    issue,
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
  }));
  const explained = new Set<string>();
  const problems: KnowledgeProblem[] = [];
  for (const { issue, path } of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const known = knownKeys(path);
    for (const key of issue.keys) {
      const guess = closestWord(key, known);
      if (guess !== undefined && doc.getIn([...path, guess]) === undefined) {
        explained.add(JSON.stringify([...path, guess]));
      }
      const hint =
        guess !== undefined
          ? `did you mean "${guess}"?`
          : `the known fields here are ${known.map((k) => `"${k}"`).join(', ')}`;
      const line = lines.key(path, key) ?? lines.nearest(path);
      problems.push(problemAt(file, doc, path, line, `unknown field "${key}": ${hint}`, key));
    }
  }
  for (const { issue, path } of issues) {
    if (issue.code === 'unrecognized_keys' || explained.has(JSON.stringify(path))) continue;
    problems.push(problemAt(file, doc, path, lines.nearest(path), issue.message));
  }
  // A problem without a line (about the file as a whole) comes first, as if on line 0.
  return problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
}

function problemAt(
  file: string,
  doc: Document,
  path: Path,
  line: number | undefined,
  problem: string,
  key?: string,
): KnowledgeProblem {
  const entryIndex = path[0] === 'entries' && typeof path[1] === 'number' ? path[1] : undefined;
  const entryId = entryIndex === undefined ? undefined : doc.getIn(['entries', entryIndex, 'id']);
  const fieldPath = [...(entryIndex === undefined ? path : path.slice(2)), ...(key ? [key] : [])];
  const field = fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined;
  return {
    code: 'KNOWLEDGE_INVALID',
    problem,
    location: {
      file,
      ...(line !== undefined && { line }),
      ...(typeof entryId === 'string' && { entry: entryId }),
      ...(field !== undefined && { field }),
    },
  };
}

/** The field names the schema allows in the mapping at `path`, so a typo can be matched to one. */
function knownKeys(path: Path): string[] {
  let schema: z.ZodType = knowledgeFileSchema;
  for (const step of path) {
    schema = unwrap(schema);
    if (typeof step === 'number' && schema instanceof z.ZodArray) {
      schema = schema.element as z.ZodType;
    } else if (typeof step === 'string' && schema instanceof z.ZodObject) {
      const next: z.ZodType | undefined = schema.shape[step];
      if (next === undefined) return [];
      schema = next;
    } else {
      return [];
    }
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current;
}
