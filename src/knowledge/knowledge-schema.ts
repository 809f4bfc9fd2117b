import { z } from 'zod';

/**
 * The on-disk shape of a knowledge file (YAML). Validation messages are written for the person
 * editing the file: each says what is expected, so the loader can add file, line and entry id.
 */
const text = (what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const entryIdSchema = z
  .string({ error: 'id must be text' })
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, {
    error: 'id must be lower-case words joined by "-" (for example "troops-in-iraq")',
  });

export const MIN_QUESTIONS = 6;

export const entrySchema = z.strictObject(
  {
    id: entryIdSchema,
    /** The first question is the canonical one, shown in suggestions; the rest are phrasings. */
    questions: z
      .array(text('each question'), { error: 'questions must be a list of questions' })
      .min(MIN_QUESTIONS, {
        error: `questions needs at least ${MIN_QUESTIONS} phrasings (formal, casual, terse, misspelt) so the matcher can learn the entry`,
      }),
    answer: text('answer'),
    /** Who the answer's facts are attributed to, as named in the answer. */
    attribution: text('attribution').optional(),
    /** The verbatim passage of the source document the answer rests on. */
    source: text('source').optional(),
    /**
     * Set by `kb import` on entries whose phrasings (and questions) were generated: `kb check` lists
     * them and `kb review` shows them first until a person has read them and removed the field.
     */
    review: z
      .literal('generated', {
        error: 'review must be "generated" (set by kb import) or left out once the entry is read',
      })
      .optional(),
    /** What the entry is about (a country, a person): lets follow-ups such as "and Qatar?" resolve. */
    subject: text('subject').optional(),
    /** For quotes: who said it, so "who said that?" can be answered. */
    speaker: text('speaker').optional(),
    related: z.array(entryIdSchema).optional(),
    /** Place in an ordered list the source gives ("Kuwait hosts the most, followed by Qatar"), for "and after that?". */
    rank: z.strictObject({ list: entryIdSchema, position: z.int().min(1) }).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? undefined : 'each entry must be a mapping',
  },
);

const thresholdsSchema = z.strictObject({
  answer: z.number().min(0).max(1).optional(),
  clarify: z.number().min(0).max(1).optional(),
});

export const knowledgeFileSchema = z.strictObject({
  /** Format version, so later formats can be told apart. */
  version: z.literal(1, { error: 'version must be 1' }),
  source: z
    .strictObject({
      publication: text('source.publication'),
      title: text('source.title').optional(),
      url: text('source.url').optional(),
      /** Path of the source document, relative to the knowledge file; `kb check` verifies passages against it. */
      document: text('source.document').optional(),
    })
    .optional(),
  /** Groups of words that mean the same thing here, for example [troops, soldiers, forces]. */
  synonyms: z
    .array(
      z.array(text('each synonym')).min(2, { error: 'a synonym group needs at least two words' }),
    )
    .optional(),
  /**
   * Chat shorthand of this knowledge's own, added to the built-in lexicon (u, r, rn, pls…):
   * each word maps to what it stands for, for example {pto: "paid time off"}.
   */
  shorthand: z
    .record(
      z.string().regex(/^[a-z0-9]+$/, { error: 'a shorthand word must be one lower-case word' }),
      text('each shorthand expansion'),
    )
    .optional(),
  /** Overrides for the automatically chosen confidence thresholds. */
  thresholds: thresholdsSchema.optional(),
  /** Questions this file must decline; they also calibrate the thresholds. */
  offTopic: z.array(text('each off-topic question')).optional(),
  entries: z.array(entrySchema).min(1, { error: 'entries needs at least one entry' }),
});

/** Every field name of the format, top level, `source`, `thresholds` and entries: `kb init` shows them all. */
export const KNOWLEDGE_FIELDS: readonly string[] = [
  ...new Set([
    ...Object.keys(knowledgeFileSchema.shape),
    ...Object.keys(knowledgeFileSchema.shape.source.unwrap().shape),
    ...Object.keys(thresholdsSchema.shape),
    ...Object.keys(entrySchema.shape),
  ]),
];

export type KnowledgeFileData = z.infer<typeof knowledgeFileSchema>;
export type EntryData = z.infer<typeof entrySchema>;
