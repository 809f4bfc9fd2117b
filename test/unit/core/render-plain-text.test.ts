import { describe, expect, it } from 'vitest';
import { renderPlainText } from '../../../src/index.js';

const troops = { entry: 'us-troops-iraq', question: 'How many U.S. troops are in Iraq?' };

describe('renderPlainText', () => {
  it('GIVEN a decline with the closest entries THEN they are numbered and the user is told to pick one', () => {
    const text = renderPlainText({
      kind: 'decline',
      reason: 'no-match',
      text: "I don't have an answer to exactly that. The closest I know:",
      confidence: 0.3,
      suggestions: [troops],
    });
    expect(text.split('\n')).toEqual([
      "I don't have an answer to exactly that. The closest I know:",
      '1. How many U.S. troops are in Iraq?',
      'Reply with a number to pick one.',
    ]);
  });

  it('GIVEN a decline with nothing to offer THEN no pick is asked for', () => {
    const text = renderPlainText({
      kind: 'decline',
      reason: 'too-long',
      text: 'That message is too long.',
      confidence: 0,
      suggestions: [],
    });
    expect(text).toBe('That message is too long.');
  });
});
