import { describe, expect, it } from 'vitest';
import { shouldSend } from '../../../adapters/runtime/reply-policy.js';
import type { Reply } from '../../../src/index.js';

const decline = (reason: 'no-match' | 'rate-limited' | 'duplicate', quiet?: boolean): Reply => ({
  kind: 'decline',
  reason,
  text: 'x',
  confidence: 0,
  suggestions: [],
  ...(quiet !== undefined && { quiet }),
});

describe('shouldSend', () => {
  it('sends answers and ordinary declines everywhere', () => {
    expect(shouldSend(decline('no-match'), 'message')).toBe(true);
    expect(shouldSend(decline('no-match'), 'command')).toBe(true);
  });

  it('never sends a duplicate', () => {
    expect(shouldSend(decline('duplicate', true), 'message')).toBe(false);
    expect(shouldSend(decline('duplicate', true), 'command')).toBe(false);
  });

  it('keeps a repeated rate-limit notice out of messages, but answers a command with it', () => {
    expect(shouldSend(decline('rate-limited', true), 'message')).toBe(false);
    expect(shouldSend(decline('rate-limited', true), 'command')).toBe(true);
    expect(shouldSend(decline('rate-limited', false), 'message')).toBe(true);
  });
});
