import { describe, expect, it } from 'vitest';
import {
  evaluateConversations,
  scoreConversationTurn,
} from '../../../src/evaluation/score-conversations.js';
import type { Reply } from '../../../src/reply.js';
import { answerFrom as answer, declineOffering as decline } from '../../support/replies.js';

describe('scoring conversation turns', () => {
  it('GIVEN parts THEN right only when every part is answered and a missing one is said to be', () => {
    const turn = { say: 'x', parts: ['kuwait', 'decline'] };
    expect(scoreConversationTurn(answer('kuwait', ['kuwait', undefined]), turn).outcome).toBe(
      'answered-right',
    );
    expect(scoreConversationTurn(answer('kuwait'), turn).outcome).toBe('declined');
    expect(scoreConversationTurn(answer('qatar', ['kuwait', 'qatar']), turn).outcome).toBe(
      'answered-wrong',
    );
    expect(scoreConversationTurn(decline(['kuwait']), turn).outcome).toBe('clarified-right');
  });

  it('GIVEN meta THEN only an answer from the metadata is right', () => {
    const turn = { say: 'x', expect: 'meta' };
    expect(scoreConversationTurn(answer('meta.source'), turn).outcome).toBe('answered-right');
    expect(scoreConversationTurn(answer('kuwait'), turn).outcome).toBe('answered-wrong');
    expect(scoreConversationTurn(decline(), turn).outcome).toBe('declined');
  });

  it('GIVEN an expected entry THEN a multi-part reply is right when every part it answers is expected', () => {
    const turn = { say: 'x', expect: ['kuwait', 'qatar'] };
    expect(scoreConversationTurn(answer('qatar', ['kuwait', 'qatar']), turn).outcome).toBe(
      'answered-right',
    );
    expect(scoreConversationTurn(answer('iraq', ['kuwait', 'iraq']), turn).outcome).toBe(
      'answered-wrong',
    );
    expect(scoreConversationTurn(answer('kuwait'), { say: 'x', expect: 'decline' }).outcome).toBe(
      'answered-wrong',
    );
  });

  it('GIVEN conversations THEN each runs in its own context, turns in order, tallied per style', async () => {
    const asked: [string, number][] = [];
    const replies: Record<string, Reply> = {
      a: answer('kuwait'),
      b: decline(),
      c: answer('meta.topic'),
    };
    const report = await evaluateConversations(
      [
        {
          style: 'pronoun',
          turns: [
            { say: 'a', expect: 'kuwait' },
            { say: 'b', expect: 'decline' },
          ],
        },
        { style: 'metadata', turns: [{ say: 'c', expect: 'meta' }] },
      ],
      async (text, conversation) => {
        asked.push([text, conversation]);
        return replies[text] ?? decline();
      },
    );
    expect(asked).toEqual([
      ['a', 0],
      ['b', 0],
      ['c', 1],
    ]);
    expect(report.total).toMatchObject({
      turns: 3,
      answerable: 2,
      answeredRight: 2,
      mustDecline: 1,
      mustDeclineDeclined: 1,
    });
    expect(report.answeredRightRate).toBe(1);
    expect(Object.keys(report.styles)).toEqual(['pronoun', 'metadata']);
  });
});
