/**
 * The checks Discord applies to what a bot sends, so a payload Discord would reject fails here too
 * (HTTP 400 with Discord's error code) instead of passing silently.
 */
export interface ValidationFailure {
  readonly code: number;
  readonly message: string;
}

const INVALID_FORM = 50035;

function invalid(message: string): ValidationFailure {
  return { code: INVALID_FORM, message: `Invalid Form Body: ${message}` };
}

interface ComponentLike {
  readonly type?: unknown;
  readonly components?: readonly ComponentLike[];
  readonly custom_id?: unknown;
  readonly label?: unknown;
  readonly url?: unknown;
}

function validateComponents(rows: unknown): ValidationFailure | undefined {
  if (rows === undefined) return undefined;
  if (!Array.isArray(rows)) return invalid('components must be an array');
  if (rows.length > 5) return invalid('components: must be 5 or fewer in length');
  for (const row of rows as ComponentLike[]) {
    if (row.type !== 1) return invalid('components: top level must be action rows');
    const buttons = row.components ?? [];
    if (buttons.length === 0 || buttons.length > 5) {
      return invalid('action row must hold 1 to 5 components');
    }
    for (const button of buttons) {
      if (button.type !== 2) return invalid('only buttons are simulated');
      const hasId = typeof button.custom_id === 'string';
      if (hasId === (typeof button.url === 'string')) {
        return invalid('a button needs exactly one of custom_id and url');
      }
      if (
        hasId &&
        ((button.custom_id as string).length === 0 || (button.custom_id as string).length > 100)
      ) {
        return invalid('custom_id: must be 1 to 100 in length');
      }
      if (typeof button.label === 'string' && button.label.length > 80) {
        return invalid('label: must be 80 or fewer in length');
      }
    }
  }
  const ids = (rows as ComponentLike[])
    .flatMap((row) => row.components ?? [])
    .map((button) => button.custom_id)
    .filter((id) => typeof id === 'string');
  if (new Set(ids).size !== ids.length) return invalid('custom_id: duplicate ids in one message');
  return undefined;
}

/** Create/edit message bodies: content length, emptiness, components. */
export function validateMessageBody(body: unknown, isEdit: boolean): ValidationFailure | undefined {
  if (typeof body !== 'object' || body === null) return invalid('body must be a JSON object');
  const message = body as { content?: unknown; components?: unknown; embeds?: unknown };
  if (message.content !== undefined && message.content !== null) {
    if (typeof message.content !== 'string') return invalid('content must be a string');
    if (message.content.length > 2000) return invalid('content: must be 2000 or fewer in length');
  }
  const hasContent = typeof message.content === 'string' && message.content.length > 0;
  const hasEmbeds = Array.isArray(message.embeds) && message.embeds.length > 0;
  const hasComponents = Array.isArray(message.components) && message.components.length > 0;
  if (!isEdit && !hasContent && !hasEmbeds && !hasComponents) {
    return { code: 50006, message: 'Cannot send an empty message' };
  }
  return validateComponents(message.components);
}

/** Autocomplete results: at most 25 choices, names and string values 1 to 100 characters. */
export function validateChoices(data: unknown): ValidationFailure | undefined {
  const choices = (data as { choices?: unknown } | undefined)?.choices;
  if (!Array.isArray(choices)) return invalid('data.choices must be an array');
  if (choices.length > 25) return invalid('choices: must be 25 or fewer in length');
  for (const choice of choices as { name?: unknown; value?: unknown }[]) {
    if (typeof choice.name !== 'string' || choice.name.length < 1 || choice.name.length > 100) {
      return invalid('choice name: must be 1 to 100 in length');
    }
    if (
      typeof choice.value === 'string' &&
      (choice.value.length < 1 || choice.value.length > 100)
    ) {
      return invalid('choice value: must be 1 to 100 in length');
    }
  }
  return undefined;
}
