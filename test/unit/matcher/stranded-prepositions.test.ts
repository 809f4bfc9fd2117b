import { describe, expect, it } from 'vitest';
import {
  asksUnsaidEndPoint,
  entryDirections,
  strandedPair,
} from '../../../src/matcher/stranded-prepositions.js';

describe('stranded prepositions', () => {
  it('GIVEN a question ending on a direction after a word THEN that pair is what it asks', () => {
    expect(strandedPair(['what', 'will', 'the', 'mission', 'transit', 'to'])).toBe('transit to');
    expect(strandedPair(['where', 'did', 'the', 'troop', 'move', 'from'])).toBe('move from');
  });

  it('GIVEN no direction at the end, or one after a function word THEN no pair', () => {
    expect(strandedPair(['how', 'to', 'transit', 'the', 'mission'])).toBeUndefined();
    expect(strandedPair(['what', 'is', 'it', 'about'])).toBeUndefined();
    expect(strandedPair(['who', 'do', 'i', 'talk', 'to', 'it', 'to'])).toBeUndefined();
  });

  it('GIVEN phrasings that say where a word leads THEN only their entry gives that end point', () => {
    const directions = entryDirections(
      [
        ['will', 'the', 'mission', 'transit'],
        ['how', 'to', 'transit', 'the', 'mission'],
        ['who', 'do', 'i', 'send', 'my', 'claim', 'to'],
      ],
      [0, 0, 1],
      2,
    );
    const [mission, claims] = directions as [ReadonlySet<string>, ReadonlySet<string>];
    expect(asksUnsaidEndPoint(mission, 'transit to')).toBe(true);
    expect(asksUnsaidEndPoint(claims, 'send to')).toBe(false);
    expect(asksUnsaidEndPoint(claims, 'claim to')).toBe(false);
    expect(asksUnsaidEndPoint(mission, undefined)).toBe(false);
  });
});
