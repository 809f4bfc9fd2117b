/** Discord rejects message content longer than this (HTTP 400, code 50035). */
export const MESSAGE_LIMIT = 2000;

export interface SplitOptions {
  readonly limit?: number;
  /** Beyond this many messages the text is cut, ending with `truncatedNotice`. */
  readonly maxChunks?: number;
  readonly truncatedNotice?: string;
}

/** Cut points, best first: the end of a paragraph, of a line, of a sentence, then any space. */
const BREAKS: readonly RegExp[] = [/\n\s*\n/g, /\n/g, /[.!?…][)"'”’\]]*\s+/g, /\s+/g];

/**
 * Splits text into messages of at most `limit` characters, cutting where a reader would pause.
 * A piece is never shorter than a third of the limit unless the text has no pause at all, in
 * which case it is cut hard (between code points, never inside a surrogate pair).
 */
export function splitMessage(text: string, options: SplitOptions = {}): string[] {
  const limit = options.limit ?? MESSAGE_LIMIT;
  const maxChunks = options.maxChunks ?? 5;
  const notice = options.truncatedNotice ?? '… (answer shortened)';
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    if (chunks.length === maxChunks - 1) {
      chunks.push(truncate(rest, limit, notice));
      return chunks;
    }
    const cut = findCut(rest, limit);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** Where to end the next piece: the last good pause within the limit. */
function findCut(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  const minimum = Math.floor(limit / 3);
  for (const pattern of BREAKS) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      // The cut goes after the punctuation, before the whitespace that follows it.
      const end = match.index + match[0].trimEnd().length;
      const cut = Math.max(end, match.index);
      if (cut <= limit && cut >= minimum) best = cut;
    }
    if (best > 0) return best;
  }
  return hardCut(text, limit);
}

function hardCut(text: string, limit: number): number {
  const code = text.charCodeAt(limit - 1);
  // Do not separate a surrogate pair (emoji and other astral characters).
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** The text shortened to fit `limit` with the notice, cut at a pause when there is one. */
export function truncate(text: string, limit: number, notice = '…'): string {
  if (text.length <= limit) return text;
  const room = limit - notice.length;
  const cut = findCut(text, room);
  return `${text.slice(0, cut).trimEnd()}${notice}`;
}
