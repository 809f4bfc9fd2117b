import { describe, expect, it } from 'vitest';
import { capitalMetonyms } from '../../../src/matcher/capital-metonyms.js';
import { createNormalizer } from '../../../src/matcher/normalize.js';

const phrasings = [
  'How many U.S. troops are in Qatar?',
  'How many troops does Bahrain host?',
  'Where is the Middle East Institute? In Washington',
];

describe('capitalMetonyms', () => {
  it('maps the capitals of the countries the phrasings name, not a capital they use themselves', () => {
    const metonyms = capitalMetonyms(phrasings);
    expect(metonyms.get('doha')).toBe('qatar');
    expect(metonyms.get('manama')).toBe('bahrain');
    expect(metonyms.has('paris')).toBe(false);
    expect(capitalMetonyms([...phrasings, 'talks in Doha']).has('doha')).toBe(false);
  });

  it('reads a capital as its country where it acts, and leaves it where something is in it', () => {
    const normalizer = createNormalizer({ metonyms: capitalMetonyms(phrasings) });
    const clean = (text: string) => normalizer.clean(text);
    expect(clean("what's the size of the force Doha hosts")).toContain('qatar');
    expect(clean("Manama's troop numbers")).toContain('bahrain');
    expect(clean('how many troops are in doha')).toContain('doha');
    expect(clean('flights from manama')).toContain('manama');
  });
});
