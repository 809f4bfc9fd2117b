/** A block of a Markdown (or plain-text) file: what the importers need, nothing more. */
export type Block =
  | {
      readonly kind: 'heading';
      readonly level: number;
      readonly text: string;
      readonly line: number;
    }
  | { readonly kind: 'paragraph'; readonly raw: string; readonly line: number }
  | {
      readonly kind: 'list';
      readonly items: readonly string[];
      readonly raw: string;
      readonly line: number;
    };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/;

/**
 * Splits Markdown into headings, paragraphs and lists, each with its first line (1-based). Blank
 * lines end paragraphs and lists; code fences, tables and HTML are kept as paragraphs.
 */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { kind: 'paragraph' | 'list'; lines: string[]; line: number } | undefined;
  const flush = () => {
    if (current === undefined) return;
    const raw = current.lines.join('\n');
    if (current.kind === 'paragraph') blocks.push({ kind: 'paragraph', raw, line: current.line });
    else blocks.push({ kind: 'list', items: listItems(current.lines), raw, line: current.line });
    current = undefined;
  };
  text.split(/\r?\n/).forEach((lineText, index) => {
    const heading = HEADING.exec(lineText);
    if (heading) {
      flush();
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        text: inlineText(heading[2] ?? ''),
        line: index + 1,
      });
      return;
    }
    if (lineText.trim() === '') {
      flush();
      return;
    }
    const kind = LIST_ITEM.test(lineText) ? 'list' : 'paragraph';
    // A line that continues a list item is part of the list; a new kind starts a new block.
    if (
      current !== undefined &&
      current.kind !== kind &&
      !(current.kind === 'list' && /^\s/.test(lineText))
    ) {
      flush();
    }
    current ??= { kind, lines: [], line: index + 1 };
    current.lines.push(lineText);
  });
  flush();
  return blocks;
}

function listItems(lines: readonly string[]): string[] {
  const items: string[] = [];
  for (const line of lines) {
    const item = LIST_ITEM.exec(line);
    if (item) items.push(inlineText(item[1] ?? ''));
    else if (items.length > 0) items[items.length - 1] = `${items.at(-1)} ${inlineText(line)}`;
  }
  return items;
}

/** Markdown inline syntax removed: links keep their text, emphasis and code marks go. */
export function inlineText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<([a-z]+:[^>\s]+)>/gi, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
