import type { Rating } from '../../src/index.js';

/**
 * Button custom_ids carry the knowledge entry id, so a press is answered from the id alone, on any
 * instance, even after a restart. Discord caps custom_id at 100 characters.
 */
export type ButtonAction =
  | { readonly kind: 'choose'; readonly entry: string }
  | { readonly kind: 'feedback'; readonly entry: string; readonly rating: Rating };

export const CUSTOM_ID_MAX = 100;
const CHOOSE = 'ask:choose:';
const FEEDBACK = 'ask:fb:';

/** The custom_id for an action, or undefined when the entry id is too long to fit. */
export function buttonCustomId(action: ButtonAction): string | undefined {
  const id =
    action.kind === 'choose'
      ? `${CHOOSE}${action.entry}`
      : `${FEEDBACK}${action.rating}:${action.entry}`;
  return id.length <= CUSTOM_ID_MAX ? id : undefined;
}

/** Reads a custom_id back; undefined for ids this adapter did not make. */
export function parseButtonCustomId(customId: string): ButtonAction | undefined {
  if (customId.startsWith(CHOOSE)) {
    const entry = customId.slice(CHOOSE.length);
    return entry === '' ? undefined : { kind: 'choose', entry };
  }
  if (customId.startsWith(FEEDBACK)) {
    const rest = customId.slice(FEEDBACK.length);
    const separator = rest.indexOf(':');
    const rating = rest.slice(0, separator);
    const entry = rest.slice(separator + 1);
    if (separator < 0 || entry === '' || (rating !== 'up' && rating !== 'down')) return undefined;
    return { kind: 'feedback', entry, rating };
  }
  return undefined;
}
