import { isMap, isSeq, parseDocument, stringify } from 'yaml';

/**
 * Adds a question to an entry's `questions` in a knowledge file's text by splicing one line (or
 * one flow item) into the original text, so every other byte (comments, quoting, wrapping) is
 * kept as the curator wrote it. Returns the text unchanged when the entry already has the
 * question, and undefined when the entry is not in this text.
 */
export function addPhrasing(text: string, entryId: string, question: string): string | undefined {
  const doc = parseDocument(text);
  const entries = doc.get('entries', true);
  if (!isSeq(entries)) return undefined;
  const entry = entries.items.find((item) => isMap(item) && item.get('id') === entryId);
  if (!isMap(entry)) return undefined;
  const questions = entry.get('questions', true);
  if (!isSeq(questions) || !questions.range) return undefined;

  const wanted = question.trim();
  const existing = questions.toJSON() as unknown[];
  if (existing.some((q) => String(q).trim().toLowerCase() === wanted.toLowerCase())) return text;
  const scalar = stringify(wanted, { lineWidth: 0 }).trim();

  if (questions.flow) {
    const close = text.lastIndexOf(']', questions.range[1]);
    const separator = existing.length > 0 ? ', ' : '';
    return `${text.slice(0, close).trimEnd()}${separator}${scalar}${text.slice(close)}`;
  }
  const last = questions.items.at(-1);
  const lastRange = last && typeof last === 'object' && 'range' in last ? last.range : undefined;
  if (
    !Array.isArray(lastRange) ||
    typeof lastRange[0] !== 'number' ||
    typeof lastRange[1] !== 'number'
  ) {
    return undefined;
  }
  const lineStart = text.lastIndexOf('\n', lastRange[0]) + 1;
  const marker = text.slice(lineStart, lastRange[0]);
  // A block scalar's range takes in its final newline; step back so the item's own last line is used.
  let end = lastRange[1];
  while (end > lastRange[0] && text[end - 1] === '\n') end--;
  // The line of the last item ends after its trailing comment, if any.
  const lineEnd = text.indexOf('\n', end);
  const at = lineEnd === -1 ? text.length : lineEnd;
  return `${text.slice(0, at)}\n${marker}${scalar}${text.slice(at)}`;
}
