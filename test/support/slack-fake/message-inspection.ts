/** Reading what the app sent: every visible text of a message, and its buttons. */

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

export interface SentButton {
  readonly actionId: string;
  readonly value: string;
  readonly label: string;
}

/** All text a user could see or be notified by: the fallback `text` and every block's text. */
export function visibleText(message: Obj): string {
  const parts: string[] = [];
  if (typeof message['text'] === 'string') parts.push(message['text']);
  collect(message['blocks'], parts);
  return parts.join('\n');
}

/**
 * The text Slack parses for mentions, broadcasts and links: the fallback `text` and every `mrkdwn`
 * text object. (`plain_text`, used for button labels, is never parsed.)
 */
export function markupText(message: Obj): string {
  const parts: string[] = [];
  if (typeof message['text'] === 'string') parts.push(message['text']);
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!isObj(value)) return;
    if (value['type'] === 'mrkdwn' && typeof value['text'] === 'string') parts.push(value['text']);
    for (const child of Object.values(value)) if (typeof child === 'object') walk(child);
  };
  walk(message['blocks']);
  return parts.join('\n');
}

/** Only the blocks' texts, in order (what the Slack client renders). */
export function blockText(message: Obj): string {
  const parts: string[] = [];
  collect(message['blocks'], parts);
  return parts.join('\n');
}

function collect(value: unknown, parts: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, parts);
    return;
  }
  if (!isObj(value)) return;
  if (typeof value['text'] === 'string') parts.push(value['text']);
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'text' || typeof child !== 'string') collect(child, parts);
  }
}

export function buttons(message: Obj): SentButton[] {
  const found: SentButton[] = [];
  const blocks = message['blocks'];
  if (!Array.isArray(blocks)) return found;
  for (const block of blocks as unknown[]) {
    if (!isObj(block) || block['type'] !== 'actions' || !Array.isArray(block['elements'])) continue;
    for (const element of block['elements'] as unknown[]) {
      if (!isObj(element)) continue;
      const label = isObj(element['text']) ? element['text']['text'] : undefined;
      found.push({
        actionId: String(element['action_id']),
        value: String(element['value']),
        label: String(label),
      });
    }
  }
  return found;
}
