import { describe, expect, it } from 'vitest';
import { scoreTurn } from '../../../src/evaluation/score-turn.js';
import { answerFrom as answer, clarifyOffering as clarify } from '../../support/replies.js';

const SIBLINGS = ['vacation-full-time', 'vacation-part-time'];

describe('scoring a question that leaves the siblings’ slot open', () => {
  it('GIVEN a clarification offering every sibling THEN it is clarified-open and right', () => {
    expect(scoreTurn(clarify([...SIBLINGS].reverse()), SIBLINGS, true)).toEqual({
      outcome: 'clarified-open',
      correct: true,
    });
  });

  it('GIVEN a clarification offering one sibling THEN it is only clarified-right', () => {
    expect(scoreTurn(clarify(['vacation-part-time']), SIBLINGS, true).outcome).toBe(
      'clarified-right',
    );
  });

  it('GIVEN an answer from one sibling THEN it picked a slot nobody named, so it is wrong', () => {
    expect(scoreTurn(answer('vacation-part-time'), SIBLINGS, true)).toMatchObject({
      outcome: 'answered-wrong',
      correct: false,
    });
  });

  it('GIVEN the flag is absent THEN either sibling answered is right, as before', () => {
    expect(scoreTurn(answer('vacation-part-time'), SIBLINGS).outcome).toBe('answered-right');
    expect(scoreTurn(clarify(SIBLINGS), SIBLINGS).outcome).toBe('clarified-right');
  });
});
