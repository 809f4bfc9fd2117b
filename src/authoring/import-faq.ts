import type { ImportedEntry } from './imported-entry.js';
import { listedThings, thingPhrasings } from './listed-things.js';
import { type Block, inlineText } from './markdown-blocks.js';
import { questionVariants, wordsOf } from './question-variants.js';

const QUESTION_START =
  /^(what|which|who|whom|whose|when|where|why|how|do|does|did|is|are|can|could|will|would|should|may)\b/i;

/** A `##`/`###` heading that asks something: it ends with "?" or starts like a question. */
export function isQuestionHeading(block: Block): boolean {
  return (
    block.kind === 'heading' &&
    (block.level === 2 || block.level === 3) &&
    (block.text.endsWith('?') || QUESTION_START.test(block.text))
  );
}

/**
 * One entry per question heading: the blocks under it (up to the next heading) are its answer and,
 * verbatim, its source passage. Phrasings are generated from the question, plus one per thing the
 * answer lists, in the question's own frame.
 */
export function importFaq(blocks: readonly Block[], attribution: string): ImportedEntry[] {
  const entries: ImportedEntry[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'heading' || !isQuestionHeading(block)) return;
    const end = blocks.findIndex((b, i) => i > index && b.kind === 'heading');
    const body = blocks.slice(index + 1, end === -1 ? undefined : end);
    if (body.length === 0) return;
    const question = block.text.endsWith('?') ? block.text : `${block.text}?`;
    const paragraphs = body.flatMap((b) => (b.kind === 'paragraph' ? [inlineText(b.raw)] : []));
    const lists = body.flatMap((b) => (b.kind === 'list' ? [[...b.items]] : []));
    const things = listedThings(paragraphs, lists);
    entries.push({
      idHint: wordsOf(question).join(' '),
      questions: [...questionVariants(question), ...thingPhrasings(question, things)],
      answer: answerText(body),
      attribution,
      source: body.map((b) => (b.kind === 'heading' ? '' : b.raw)).join('\n\n'),
      line: block.line,
    });
  });
  return entries;
}

/** The answer as plain text: paragraphs in order, a list as "a, b and c" after the text it ends. */
function answerText(body: readonly Block[]): string {
  const parts: string[] = [];
  for (const block of body) {
    if (block.kind === 'paragraph') parts.push(inlineText(block.raw));
    else if (block.kind === 'list') parts.push(`${series(block.items)}.`);
  }
  return parts.join(' ').replace(/\.\./g, '.');
}

function series(items: readonly string[]): string {
  const clean = items.map((item) => item.replace(/[.;,]+$/, ''));
  if (clean.length < 2) return clean.join('');
  return `${clean.slice(0, -1).join(', ')} and ${clean.at(-1)}`;
}
