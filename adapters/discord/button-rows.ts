import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Rating, Suggestion } from '../../src/index.js';
import { buttonCustomId, parseButtonCustomId } from './custom-ids.js';
import { truncate } from './split-message.js';

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

const BUTTON_LABEL_MAX = 80;
export const ROW_MAX = 5;
const RATED_LABEL: Record<Rating, string> = { up: 'Thanks — rated 👍', down: 'Thanks — rated 👎' };

/** Buttons that answer suggestions; entries whose id cannot fit a custom_id are left out. */
export function suggestionRow(
  suggestions: readonly Suggestion[],
  label: (suggestion: Suggestion, index: number) => string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
): ButtonRow | undefined {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  suggestions.slice(0, ROW_MAX).forEach((suggestion, index) => {
    const customId = buttonCustomId({ kind: 'choose', entry: suggestion.entry });
    if (customId === undefined || seen.has(customId)) return;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      style,
      custom_id: customId,
      label: truncate(oneLine(label(suggestion, index)), BUTTON_LABEL_MAX),
    });
  });
  return buttons.length > 0 ? { type: ComponentType.ActionRow, components: buttons } : undefined;
}

/** 👍/👎 for an answer from the knowledge. */
export function feedbackRow(entry: string): ButtonRow | undefined {
  const up = buttonCustomId({ kind: 'feedback', entry, rating: 'up' });
  const down = buttonCustomId({ kind: 'feedback', entry, rating: 'down' });
  if (up === undefined || down === undefined) return undefined;
  const button = (customId: string, emoji: string): APIButtonComponentWithCustomId => ({
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id: customId,
    emoji: { name: emoji },
  });
  return { type: ComponentType.ActionRow, components: [button(up, '👍'), button(down, '👎')] };
}

/**
 * The rows of a message whose suggestion was pressed: that row's buttons disabled, the pressed
 * one green, so the message shows what was chosen and cannot be chosen from again.
 */
export function disablePressedRow(rows: readonly unknown[], pressed: string): ButtonRow[] {
  return buttonRows(rows).map((row) =>
    row.components.some((button) => button.custom_id === pressed)
      ? {
          ...row,
          components: row.components.map((button) => ({
            ...button,
            disabled: true,
            ...(button.custom_id === pressed ? { style: ButtonStyle.Success } : {}),
          })),
        }
      : row,
  );
}

/** The rows of an answer after a rating: the 👍/👎 pair becomes one disabled "Thanks — rated". */
export function markRated(rows: readonly unknown[], rating: Rating): ButtonRow[] {
  return buttonRows(rows).map((row) =>
    row.components.some((button) => parseButtonCustomId(button.custom_id)?.kind === 'feedback')
      ? {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              custom_id: buttonCustomId({ kind: 'rated', rating }) ?? `ask:rated:${rating}`,
              label: RATED_LABEL[rating],
              disabled: true,
            },
          ],
        }
      : row,
  );
}

/** Whether the 👍/👎 pair of this message was already turned into "Thanks — rated". */
export function isRated(rows: readonly unknown[]): boolean {
  return buttonRows(rows).some((row) =>
    row.components.some((button) => parseButtonCustomId(button.custom_id)?.kind === 'rated'),
  );
}

/** Action rows of buttons with custom_ids, as a message's API JSON holds them; others dropped. */
function buttonRows(rows: readonly unknown[]): ButtonRow[] {
  return rows.flatMap((row): ButtonRow[] => {
    const candidate = row as { type?: unknown; components?: unknown };
    if (candidate.type !== ComponentType.ActionRow || !Array.isArray(candidate.components)) {
      return [];
    }
    const buttons = (candidate.components as APIButtonComponentWithCustomId[]).filter(
      (button) => button.type === ComponentType.Button && typeof button.custom_id === 'string',
    );
    return buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [];
  });
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
