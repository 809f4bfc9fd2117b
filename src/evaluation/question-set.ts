import { z } from 'zod';
import { readSetFile } from './read-set-file.js';

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
  /** The question does not name the slot its expected entries differ in (see `scoreTurn`). */
  leavesOpen: z.literal(true).optional(),
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
  const { data, knowledgePath } = await readSetFile(file, setSchema, 'question set');
  return { file, knowledgePath, questions: data.questions };
}
