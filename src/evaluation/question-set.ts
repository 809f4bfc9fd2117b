import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { EvaluationError } from './evaluation-error.js';

/**
 * A development question set: questions written from the source document by someone who never
 * saw the knowledge file, each with the outcome that is right for it. The matcher never trains
 * on these; `kb eval` and the golden tests score a knowledge base against them.
 */

export const STYLES = [
  'plain',
  'typos',
  'shorthand',
  'chatter',
  'statement',
  'word-order',
  'paraphrase',
  'extras',
  'near-miss',
] as const;
export type QuestionStyle = (typeof STYLES)[number];

export const SLOTS = ['place', 'year', 'person', 'role', 'number', 'detail', 'topic'] as const;

/** What is right for a question or turn: one entry id, any of several, or not answering. */
export type Expectation = string | readonly string[];

const expectSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const questionSchema = z.object({
  q: z.string().min(1),
  expect: expectSchema,
  style: z.enum(STYLES),
  slot: z.enum(SLOTS).optional(),
});

const setSchema = z.object({
  knowledge: z.string().min(1),
  questions: z.array(questionSchema).min(1),
});

export type DevQuestion = z.infer<typeof questionSchema>;

export interface QuestionSet {
  readonly file: string;
  /** Absolute path of the knowledge file the set is written against. */
  readonly knowledgePath: string;
  readonly questions: readonly DevQuestion[];
}

/** The entry ids an expectation accepts; empty for `decline`. */
export function expectedEntries(expect: Expectation): readonly string[] {
  const ids = typeof expect === 'string' ? [expect] : expect;
  return ids.filter((id) => id !== 'decline');
}

export async function readQuestionSet(file: string): Promise<QuestionSet> {
  let data: unknown;
  try {
    data = parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new EvaluationError('EVAL_READ', `cannot read question set ${file}`, { cause });
  }
  const parsed = setSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') : '';
    throw new EvaluationError(
      'EVAL_FORMAT',
      `${file}: ${where ? `${where}: ` : ''}${issue?.message ?? 'invalid question set'}`,
    );
  }
  return {
    file,
    knowledgePath: resolve(dirname(file), parsed.data.knowledge),
    questions: parsed.data.questions,
  };
}
