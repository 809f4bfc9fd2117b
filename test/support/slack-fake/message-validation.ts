/**
 * The size rules Slack enforces on a message, so the fakes reject what Slack would reject
 * (`invalid_blocks`, `msg_too_long`) instead of silently accepting an oversized reply.
 */
export function validateMessage(args: Readonly<Record<string, unknown>>): string | undefined {
  const text = args['text'];
  const blocks = args['blocks'];
  if (typeof text === 'string' && text.length > 40_000) return 'msg_too_long';
  if (blocks === undefined) return typeof text === 'string' ? undefined : 'no_text';
  if (!Array.isArray(blocks)) return 'invalid_blocks_format';
  if (blocks.length > 50) return 'invalid_blocks';
  const actionIds = new Set<string>();
  for (const block of blocks as unknown[]) {
    const problem = validateBlock(block, actionIds);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The rules `views.publish` enforces on a Home tab view. */
export function validateView(view: unknown): string | undefined {
  if (!isObj(view) || view['type'] !== 'home') return 'invalid_arguments';
  const blocks = view['blocks'];
  if (!Array.isArray(blocks) || blocks.length > 100) return 'invalid_blocks';
  const metadata = view['private_metadata'];
  if (metadata !== undefined && (typeof metadata !== 'string' || metadata.length > 3000)) {
    return 'invalid_arguments';
  }
  const actionIds = new Set<string>();
  for (const block of blocks as unknown[]) {
    const problem = validateBlock(block, actionIds);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

type Obj = Readonly<Record<string, unknown>>;

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null;
}

function validateBlock(block: unknown, actionIds: Set<string>): string | undefined {
  if (!isObj(block)) return 'invalid_blocks';
  const type = block['type'];
  if (type === 'divider') return undefined;
  if (type === 'header') {
    const text = block['text'];
    if (!isObj(text) || text['type'] !== 'plain_text' || typeof text['text'] !== 'string') {
      return 'invalid_blocks';
    }
    return text['text'].length > 150 ? 'invalid_blocks' : undefined;
  }
  if (type === 'section') {
    const text = block['text'];
    if (!isObj(text) || typeof text['text'] !== 'string') return 'invalid_blocks';
    if (text['text'].length === 0 || text['text'].length > 3000) return 'invalid_blocks';
    return undefined;
  }
  if (type === 'context') {
    const elements = block['elements'];
    if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) {
      return 'invalid_blocks';
    }
    for (const element of elements as unknown[]) {
      if (!isObj(element) || typeof element['text'] !== 'string') return 'invalid_blocks';
      if (element['text'].length > 2000) return 'invalid_blocks';
    }
    return undefined;
  }
  if (type === 'actions') {
    const elements = block['elements'];
    if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) {
      return 'invalid_blocks';
    }
    for (const element of elements as unknown[]) {
      if (!isObj(element) || element['type'] !== 'button') return 'invalid_blocks';
      const label = element['text'];
      if (!isObj(label) || label['type'] !== 'plain_text' || typeof label['text'] !== 'string') {
        return 'invalid_blocks';
      }
      if (label['text'].length > 75) return 'invalid_blocks';
      const actionId = element['action_id'];
      if (typeof actionId !== 'string' || actionId.length > 255 || actionIds.has(actionId)) {
        return 'invalid_blocks';
      }
      actionIds.add(actionId);
      const value = element['value'];
      if (value !== undefined && (typeof value !== 'string' || value.length > 2000)) {
        return 'invalid_blocks';
      }
    }
    return undefined;
  }
  return 'invalid_blocks';
}
