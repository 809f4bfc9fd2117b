import type { types } from '@slack/bolt';
import type { FeedbackReply, Rating } from '../../src/index.js';
import {
  ACTION_IDS,
  BLOCK_IDS,
  contextBlock,
  renderFeedback,
  type SlackMessage,
} from './render-reply.js';
import { escapeSlackText } from './slack-text.js';

type KnownBlock = types.KnownBlock;

/**
 * Pressed buttons become their result: the 👍/👎 row of an answer turns into a line saying how it
 * was rated, so it cannot be pressed again, and the rest of the message stays as it was.
 */

const EMOJI: Readonly<Record<Rating, string>> = { up: '👍', down: '👎' };

/**
 * A private answer after a rating: its rating row becomes the core's thanks, "Share in channel"
 * stays, and after a 👎 the runners-up follow as buttons.
 */
export function ratedPrivately(
  answer: SlackMessage,
  rating: Rating,
  feedback: FeedbackReply,
): SlackMessage {
  const line = contextBlock(`${EMOJI[rating]} ${escapeSlackText(feedback.text)}`);
  const followUp = renderFeedback({ text: '', suggestions: feedback.suggestions })[0]?.blocks ?? [];
  const suggestions = followUp.filter((block) => block.type === 'actions');
  const blocks = replaceRatingRow(answer.blocks, [line, ...suggestions]);
  return { text: answer.text, blocks };
}

/**
 * A public answer (its blocks as Slack sent them with the press) after a rating: the row says who
 * rated it. Undefined when the message has no rating row (nothing to update).
 */
export function ratedPublicly(
  blocks: readonly unknown[],
  rating: Rating,
  user: string,
): KnownBlock[] | undefined {
  const known = blocks.filter(isBlock);
  if (!known.some(isRatingRow)) return undefined;
  const verdict = rating === 'up' ? 'helpful' : 'not helpful';
  const by = /^[UW][A-Z0-9]{2,}$/.test(user) ? ` by <@${user}>` : '';
  return replaceRatingRow(known, [contextBlock(`${EMOJI[rating]} Rated ${verdict}${by}.`)]);
}

/** The rating row's place gets `instead`; buttons other than 👍/👎 (Share) keep a row of their own. */
function replaceRatingRow(blocks: readonly KnownBlock[], instead: KnownBlock[]): KnownBlock[] {
  return blocks.flatMap((block) => {
    if (!isRatingRow(block) || block.type !== 'actions') return [block];
    const kept = block.elements.filter(
      (element) =>
        !('action_id' in element) ||
        (element.action_id !== ACTION_IDS.feedbackUp &&
          element.action_id !== ACTION_IDS.feedbackDown),
    );
    // A new block id: Slack asks for one per version of an updated message.
    const rest: KnownBlock[] =
      kept.length > 0
        ? [{ type: 'actions', block_id: `${BLOCK_IDS.feedback}_done`, elements: kept }]
        : [];
    return [...instead, ...rest];
  });
}

function isRatingRow(block: KnownBlock): boolean {
  return block.type === 'actions' && block.block_id === BLOCK_IDS.feedback;
}

function isBlock(value: unknown): value is KnownBlock {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
