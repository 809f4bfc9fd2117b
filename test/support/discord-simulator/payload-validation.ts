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
  readonly disabled?: unknown;
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
      if (button.disabled !== undefined && typeof button.disabled !== 'boolean') {
        return invalid('disabled: must be a boolean');
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
  return validateEmbeds(message.embeds) ?? validateComponents(message.components);
}

interface EmbedLike {
  readonly title?: unknown;
  readonly description?: unknown;
  readonly color?: unknown;
  readonly fields?: readonly { readonly name?: unknown; readonly value?: unknown }[];
  readonly footer?: { readonly text?: unknown };
}

/** Discord's embed limits: 10 per message, 4,096 per description, 6,000 characters in all. */
function validateEmbeds(embeds: unknown): ValidationFailure | undefined {
  if (embeds === undefined || embeds === null) return undefined;
  if (!Array.isArray(embeds)) return invalid('embeds must be an array');
  if (embeds.length > 10) return invalid('embeds: must be 10 or fewer in length');
  let total = 0;
  for (const embed of embeds as EmbedLike[]) {
    const texts: [unknown, number, string][] = [
      [embed.title, 256, 'title'],
      [embed.description, 4096, 'description'],
      [embed.footer?.text, 2048, 'footer.text'],
      ...(embed.fields ?? []).flatMap((field): [unknown, number, string][] => [
        [field.name, 256, 'fields.name'],
        [field.value, 1024, 'fields.value'],
      ]),
    ];
    for (const [text, max, name] of texts) {
      if (text === undefined) continue;
      if (typeof text !== 'string') return invalid(`embeds.${name} must be a string`);
      if (text.length > max) return invalid(`embeds.${name}: must be ${max} or fewer in length`);
      total += text.length;
    }
    if ((embed.fields ?? []).length > 25) return invalid('embeds.fields: must be 25 or fewer');
    const color = embed.color;
    if (
      color !== undefined &&
      (!Number.isInteger(color) || (color as number) < 0 || (color as number) > 0xffffff)
    ) {
      return invalid('embeds.color: must be an integer from 0 to 16777215');
    }
  }
  return total > 6000 ? invalid('embeds: 6000 characters in all at most') : undefined;
}

interface CommandLike {
  readonly type?: unknown;
  readonly name?: unknown;
  readonly description?: unknown;
  readonly integration_types?: unknown;
  readonly contexts?: unknown;
}

/**
 * Bulk command registration: chat-input names lowercase, message-menu names up to 32 of any case
 * with a blank description, `integration_types` from {0 guild, 1 user}, `contexts` from
 * {0 guild, 1 bot DM, 2 private channel}.
 */
export function validateCommands(commands: readonly unknown[]): ValidationFailure | undefined {
  for (const command of commands as CommandLike[]) {
    const type = command.type ?? 1;
    const name = typeof command.name === 'string' ? command.name : '';
    if (type === 1 && !/^[-_\p{Ll}\p{N}]{1,32}$/u.test(name)) {
      return invalid(`name: "${name}" is not a valid chat input command name`);
    }
    if (type === 3 && (name.length < 1 || name.length > 32)) {
      return invalid('name: must be 1 to 32 in length');
    }
    if (type === 3 && command.description !== undefined && command.description !== '') {
      return invalid('description: context menu commands cannot have a description');
    }
    if (!isSubsetOf(command.integration_types, [0, 1])) {
      return invalid('integration_types: values must be 0 (guild) or 1 (user)');
    }
    if (!isSubsetOf(command.contexts, [0, 1, 2])) {
      return invalid('contexts: values must be 0, 1 or 2');
    }
  }
  return undefined;
}

function isSubsetOf(values: unknown, allowed: readonly number[]): boolean {
  if (values === undefined || values === null) return true;
  return Array.isArray(values) && values.every((value) => allowed.includes(value as number));
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
