/**
 * Text in and out of Slack's markup. Incoming text arrives with Slack's escapes and `<…>` tokens
 * (mentions, channels, links); the core wants plain words. Outgoing text is shown as mrkdwn, where
 * `<…>` would become a mention, a broadcast or a link, so anything not written by us is escaped.
 */

/** Broadcast words Slack may turn into notifications even without the `<!…>` syntax. */
const BROADCAST = /@(here|channel|everyone)\b/gi;
/** U+2060 WORD JOINER: invisible, but breaks the `@here` token so no client or parser sees it. */
const WORD_JOINER = '\u2060';

/**
 * Makes text safe to place in a mrkdwn field or a message's fallback `text`: `&`, `<`, `>` are
 * entity-escaped (so `<!channel>`, `<@U…>`, `<!subteam^…>` and `<url|label>` cannot form) and the
 * bare broadcast words are broken with an invisible joiner.
 */
export function escapeSlackText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replace(BROADCAST, (_match, word: string) => `@${WORD_JOINER}${word}`);
}

/** Plain-text fields (buttons) are not parsed for mentions, but broadcasts still read as one. */
export function defuseBroadcasts(text: string): string {
  return text.replace(BROADCAST, (_match, word: string) => `@${WORD_JOINER}${word}`);
}

const SLACK_TOKEN = /<([^<>]*)>/g;

/**
 * Turns Slack message markup into the plain question the user typed: mentions of the bot are
 * dropped, other mentions, channels and links become their visible labels, entities are decoded.
 */
export function slackToPlainText(text: string, botUserId?: string): string {
  const replaced = text.replace(SLACK_TOKEN, (_match, inner: string) => {
    const [target = '', label] = splitLabel(inner);
    if (target.startsWith('@')) {
      const id = target.slice(1);
      if (botUserId !== undefined && id === botUserId) return ' ';
      return label !== undefined ? `@${label.replace(/^@/, '')}` : `@${id}`;
    }
    if (target.startsWith('#')) return label !== undefined ? `#${label}` : target;
    if (target.startsWith('!')) {
      if (label !== undefined) return label;
      const special = target.slice(1).split('^')[0] ?? '';
      return `@${special}`;
    }
    return label ?? target;
  });
  return decodeEntities(replaced).replace(/\s+/g, ' ').trim();
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf('|');
  if (bar < 0) return [inner, undefined];
  return [inner.slice(0, bar), inner.slice(bar + 1)];
}

function decodeEntities(text: string): string {
  // `&amp;` last, so "&amp;lt;" (the user typed "&lt;") decodes to "&lt;", not "<".
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Boundaries to split at, best first; `keep` is how much of the separator stays on the left. */
const BREAKS: readonly { readonly separator: string; readonly keep: number }[] = [
  { separator: '\n\n', keep: 0 },
  { separator: '\n', keep: 0 },
  { separator: '. ', keep: 1 },
  { separator: '! ', keep: 1 },
  { separator: '? ', keep: 1 },
  { separator: '; ', keep: 1 },
  { separator: ', ', keep: 1 },
  { separator: ' ', keep: 0 },
];

/**
 * Splits text into chunks of at most `limit` characters, at the clearest boundary available in
 * the second half of each window (paragraph, line, sentence, clause, word), and only cuts inside
 * a word when there is no boundary. Never splits an `&…;` entity or a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  if (limit < 16) throw new RangeError(`splitText limit must be at least 16, got ${limit}`);
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = findCut(rest, limit);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/**
 * Shortens text to at most `limit` characters at a clean boundary, ending with `marker`.
 * Text that already fits is returned unchanged.
 */
export function trimText(text: string, limit: number, marker = '…'): string {
  if (text.length <= limit) return text;
  const room = limit - marker.length;
  if (room <= 0) return marker.slice(0, limit);
  const cut = room < 16 ? safeHardCut(text, room) : findCut(text, room);
  return `${text.slice(0, cut).trimEnd()}${marker}`;
}

/**
 * Shortens a one-line label (a button) to at most `limit` characters at the last word that fits,
 * so it uses the room it has; a single overlong word is cut.
 */
export function trimAtWord(text: string, limit: number, marker = '…'): string {
  if (text.length <= limit) return text;
  const room = limit - marker.length;
  if (room <= 0) return marker.slice(0, limit);
  const space = text.lastIndexOf(' ', room);
  const cut = space >= room / 2 ? space : safeHardCut(text, room);
  return `${text.slice(0, cut).trimEnd()}${marker}`;
}

function findCut(text: string, limit: number): number {
  const floor = Math.floor(limit / 2);
  for (const { separator, keep } of BREAKS) {
    const at = text.lastIndexOf(separator, limit - keep);
    if (at >= floor && at + keep <= limit) return at + keep;
  }
  return safeHardCut(text, limit);
}

function safeHardCut(text: string, limit: number): number {
  let cut = limit;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  // An entity is at most 5 characters (`&amp;`): if an `&` starts one that the cut would split, cut before it.
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 5) {
    const semicolon = text.indexOf(';', amp);
    if (semicolon >= cut && semicolon - amp <= 4) cut = amp;
  }
  return Math.max(cut, 1);
}
