import type { Reply } from './reply.js';

/**
 * A reply as plain text, for the console and the `ask` command: the answer, its source, and the
 * suggestions numbered so the user can reply with a number. Rich adapters render buttons instead.
 */
export function renderPlainText(reply: Reply): string {
  const lines = [reply.text];
  if (reply.kind === 'answer') {
    if (reply.source) lines.push(`Source: ${describeSource(reply.source)}`);
    if (reply.entry.entry === 'chat.help')
      lines.push(...numbered(reply.related.map((s) => s.question)));
  } else {
    lines.push(...numbered(reply.suggestions.map((s) => s.question)));
    // A decline's closest entries and examples are remembered as offered, like a clarification's.
    if (reply.suggestions.length > 0) lines.push('Reply with a number to pick one.');
  }
  return lines.join('\n');
}

function describeSource(source: { attribution: string; publication: string }): string {
  return source.attribution === source.publication
    ? source.publication
    : `${source.publication} (${source.attribution})`;
}

function numbered(items: readonly string[]): string[] {
  return items.map((item, index) => `${index + 1}. ${item}`);
}
