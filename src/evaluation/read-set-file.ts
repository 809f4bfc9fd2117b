import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { EvaluationError } from './evaluation-error.js';

/**
 * Reads a development set (questions or conversations): YAML checked against its schema, the
 * first problem named with its path, and the set's `knowledge` resolved against the set's folder.
 */
export async function readSetFile<T extends { readonly knowledge: string }>(
  file: string,
  schema: z.ZodType<T>,
  kind: string,
): Promise<{ readonly data: T; readonly knowledgePath: string }> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new EvaluationError('EVAL_READ', `cannot read ${kind} ${file}`, { cause });
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new EvaluationError(
      'EVAL_FORMAT',
      `${file}: ${where ? `${where}: ` : ''}${issue?.message ?? `invalid ${kind}`}`,
    );
  }
  return { data: parsed.data, knowledgePath: resolve(dirname(file), parsed.data.knowledge) };
}
