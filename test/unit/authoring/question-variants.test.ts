import { describe, expect, it } from 'vitest';
import { questionVariants } from '../../../src/authoring/question-variants.js';

describe('questionVariants', () => {
  it('GIVEN a wh-question THEN gives terse, indirect, reordered and same-meaning forms, the question first', () => {
    const variants = questionVariants('How much does shipping cost?');
    expect(variants[0]).toBe('How much does shipping cost?');
    expect(variants).toEqual(
      expect.arrayContaining([
        'shipping cost?',
        'can you tell me how much shipping costs',
        'shipping cost, how much?',
        'what does shipping cost',
        'what is the cost of shipping',
      ]),
    );
    expect(variants.length).toBeGreaterThanOrEqual(6);
  });

  it('GIVEN "what is" THEN adds the contraction, and a contraction THEN adds the long form', () => {
    expect(questionVariants('What is your return policy?')).toContain("what's your return policy");
    expect(questionVariants("Why doesn't my code work?")).toContain('why does not my code work');
  });

  it('GIVEN a yes/no question THEN the indirect form uses "if" and a closing phrase moves to the front', () => {
    const variants = questionVariants('Can I return an item after 30 days?');
    expect(variants).toContain('can you tell me if i can return an item after 30 days');
    expect(variants).toContain('after 30 days, can i return an item?');
    expect(variants).toContain('is it possible to return an item after 30 days');
  });

  it('GIVEN any question THEN no two variants differ only in case or punctuation', () => {
    for (const q of ['Do you ship internationally?', 'Which countries do you ship to?', 'Hours?']) {
      const keys = questionVariants(q).map((v) => v.toLowerCase().replace(/[^a-z0-9' ]/g, ''));
      expect(new Set(keys).size, q).toBe(keys.length);
    }
  });
});
