import { describe, expect, it } from 'vitest';
import {
  disablePressedRow,
  feedbackRow,
  isRated,
  markRated,
  suggestionRow,
} from '../../../adapters/discord/button-rows.js';
import { planPress } from '../../../adapters/discord/translate-events.js';

const suggestions = suggestionRow(
  [
    { entry: 'a', question: 'A?' },
    { entry: 'b', question: 'B?' },
  ],
  (s) => s.question,
  2,
);
const rows = [suggestions, feedbackRow('a')];

describe('button rows after a press', () => {
  it('disables the pressed row only, the pressed button green', () => {
    const [pressed, feedback] = disablePressedRow(rows, 'ask:choose:b');
    expect(pressed?.components.map((b) => [b.custom_id, b.disabled, b.style])).toEqual([
      ['ask:choose:a', true, 2],
      ['ask:choose:b', true, 3],
    ]);
    expect(feedback).toEqual(feedbackRow('a'));
  });

  it('replaces 👍/👎 with one disabled "Thanks — rated", and knows it was rated', () => {
    expect(isRated(rows)).toBe(false);
    const rated = markRated(rows, 'down');
    expect(rated[0]).toEqual(suggestions);
    expect(rated[1]?.components).toEqual([
      {
        type: 2,
        style: 2,
        custom_id: 'ask:rated:down',
        label: 'Thanks — rated 👎',
        disabled: true,
      },
    ]);
    expect(isRated(rated)).toBe(true);
  });

  it('keeps only rows of custom_id buttons, the only kind the adapter sends', () => {
    const link = { type: 1, components: [{ type: 2, style: 5, url: 'https://example.org' }] };
    expect(markRated([link, { type: 10, content: 'text' }], 'up')).toEqual([]);
  });
});

describe('planPress', () => {
  it('updates a private reply, posts for the asker, answers anyone else privately', () => {
    expect(planPress({ ephemeral: true, askerId: 'u1', presserId: 'u1' })).toBe('update');
    expect(planPress({ ephemeral: false, askerId: 'u1', presserId: 'u1' })).toBe('post');
    expect(planPress({ ephemeral: false, askerId: 'u1', presserId: 'u2' })).toBe('private');
    // An asker the message does not tell: nobody's public message is changed.
    expect(planPress({ ephemeral: false, askerId: undefined, presserId: 'u2' })).toBe('private');
  });
});
