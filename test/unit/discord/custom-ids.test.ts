import { describe, expect, it } from 'vitest';
import { buttonCustomId, parseButtonCustomId } from '../../../adapters/discord/custom-ids.js';

describe('button custom_ids', () => {
  it('round-trips choose and feedback actions, entry ids with colons included', () => {
    for (const action of [
      { kind: 'choose', entry: 'troops.iraq' },
      { kind: 'feedback', entry: 'ns:troops.iraq', rating: 'up' },
      { kind: 'feedback', entry: 'troops.syria', rating: 'down' },
      { kind: 'rated', rating: 'up' },
    ] as const) {
      const id = buttonCustomId(action);
      expect(id).toBeDefined();
      expect(parseButtonCustomId(id ?? '')).toEqual(action);
    }
    expect(buttonCustomId({ kind: 'feedback', entry: 'e1', rating: 'up' })).toBe('ask:fb:up:e1');
  });

  it('refuses entry ids that would exceed 100 characters', () => {
    expect(buttonCustomId({ kind: 'choose', entry: 'e'.repeat(89) })).toHaveLength(100);
    expect(buttonCustomId({ kind: 'choose', entry: 'e'.repeat(90) })).toBeUndefined();
  });

  it('does not claim ids it did not make', () => {
    for (const id of [
      'other:thing',
      'ask:choose:',
      'ask:fb:maybe:e1',
      'ask:fb:up:',
      'ask:fb:up',
      'ask:rated:',
      'ask:rated:meh',
    ]) {
      expect(parseButtonCustomId(id)).toBeUndefined();
    }
  });
});
