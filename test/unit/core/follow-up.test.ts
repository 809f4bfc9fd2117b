import { describe, expect, it } from 'vitest';
import { detectFollowUp, replaceSubject } from '../../../src/conversation/follow-up.js';

describe('detectFollowUp', () => {
  it.each([
    ['and Qatar?', 'Qatar'],
    ['what about Bahrain?', 'Bahrain'],
    ['How about in Kuwait', 'Kuwait'],
    ['and the United Arab Emirates?', 'United Arab Emirates'],
    ['bahrain too pls', 'bahrain'],
    ['and Qatar as well?', 'Qatar'],
  ])('GIVEN "%s" THEN asks the last question about %s', (text, subject) => {
    expect(detectFollowUp(text)).toEqual({ kind: 'subject', subject });
  });

  it.each(['who said that?', 'Who said it', 'whose quote is that?', 'and who said that'])(
    'GIVEN "%s" THEN asks for the speaker',
    (text) => {
      expect(detectFollowUp(text)).toEqual({ kind: 'speaker' });
    },
  );

  it.each(['tell me more', 'Tell me more about that.', 'more', 'go on', 'what else?'])(
    'GIVEN "%s" THEN asks for more',
    (text) => {
      expect(detectFollowUp(text)).toEqual({ kind: 'more' });
    },
  );

  it.each([
    'How many US troops are in Qatar?',
    'what about the long list of things the article says about the negotiations?',
    'who is Randa Slim?',
    'more troops in Kuwait than Qatar?',
  ])('GIVEN a whole question "%s" THEN it is not a follow-up', (text) => {
    expect(detectFollowUp(text)).toBeUndefined();
  });
});

describe('replaceSubject', () => {
  it('GIVEN a question naming the old subject THEN swaps it, whatever its case', () => {
    expect(replaceSubject('How many U.S. troops are in Kuwait?', 'Kuwait', 'Qatar')).toBe(
      'How many U.S. troops are in Qatar?',
    );
    expect(replaceSubject('troops in kuwait', 'Kuwait', 'Bahrain')).toBe('troops in Bahrain');
  });

  it('GIVEN a question without the subject THEN gives up', () => {
    expect(replaceSubject('How many troops are there?', 'Kuwait', 'Qatar')).toBeUndefined();
  });

  it('GIVEN a subject with regex characters THEN treats it literally', () => {
    expect(replaceSubject('What about U.S. forces?', 'U.S.', 'American')).toBe(
      'What about American forces?',
    );
  });
});
