/**
 * Splits prose into sentences, keeping each one's exact text (so it can be quoted verbatim) and
 * line. A period after an abbreviation ("U.S.", "Oct.") does not end a sentence; a line break
 * does when the next line starts like a sentence (plain-text articles put one paragraph per line).
 */
export interface Sentence {
  readonly text: string;
  readonly line: number;
}

const ABBREVIATIONS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st jr sr no vs etc inc ltd co corp gen sen rep gov lt col sgt capt prof mt ft approx dept est fig'.split(
    ' ',
  ),
);

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const boundary = /([.!?]["”')\]]*)(\s+)(?=["“'(\p{Lu}\d])|\n+(?=\s*["“'(\p{Lu}\d#*-])/gu;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    // A break at newlines has no end punctuation (group 1): the sentence ends where they begin.
    const end = match.index + (match[1]?.length ?? 0);
    if (match[1] !== undefined && isAbbreviation(text.slice(start, end))) continue;
    push(sentences, text, start, end);
    start = match.index + match[0].length;
  }
  push(sentences, text, start, text.length);
  return sentences;
}

function isAbbreviation(before: string): boolean {
  const word = /(\S+)$/.exec(before)?.[1] ?? '';
  if (/^(?:\p{Lu}\.)+$/u.test(word)) return true; // U.S., D.C.
  return ABBREVIATIONS.has(word.replace(/\.$/, '').toLowerCase());
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const trimmed = raw.trim();
  if (trimmed === '') return;
  const offset = start + raw.indexOf(trimmed);
  const line = text.slice(0, offset).split('\n').length;
  sentences.push({ text: trimmed, line });
}
