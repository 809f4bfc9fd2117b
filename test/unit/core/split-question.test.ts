import { describe, expect, it } from 'vitest';
import { MAX_PARTS, splitQuestion } from '../../../src/conversation/split-question.js';

const SUBJECTS = ['Kuwait', 'Qatar', 'Bahrain', 'Randa Slim'];
const split = (text: string) => splitQuestion(text, SUBJECTS);

describe('splitQuestion', () => {
  it.each([
    [
      'how many troops in kuwait and qatar?',
      ['how many troops in kuwait', 'how many troops in qatar'],
    ],
    [
      'how many troops in kuwait, qatar and bahrain',
      ['how many troops in kuwait', 'how many troops in qatar', 'how many troops in bahrain'],
    ],
    ['kuwait vs bahrain troop numbers', ['kuwait troop numbers', 'bahrain troop numbers']],
    [
      'how many troops in qatar and in the uae',
      ['how many troops in qatar', 'how many troops in the uae'],
    ],
    [
      'how many troops does kuwait host and qatar',
      ['how many troops does kuwait host', 'how many troops does qatar host'],
    ],
  ])('GIVEN "%s" THEN carries the shared frame into each part', (text, parts) => {
    expect(split(text)).toEqual(parts);
  });

  it.each([
    ['who is randa slim and who is sabrina singh', ['who is randa slim', 'who is sabrina singh']],
    [
      'how many in iraq? how long have they been there?',
      ['how many in iraq', 'how long have they been there'],
    ],
    [
      'how many troops are in iraq; also who attacks them',
      ['how many troops are in iraq', 'who attacks them'],
    ],
    ['troops in iraq vs troops in kuwait', ['troops in iraq', 'troops in kuwait']],
  ])('GIVEN "%s" THEN splits at the joiner into whole questions', (text, parts) => {
    expect(split(text)).toEqual(parts);
  });

  it('GIVEN "and" between the two sides of one thing THEN the question stays whole', () => {
    // A blind tester got a reply noting the knowledge "doesn't cover" half of the question.
    const text = "I'm a policy nerd, what r the US and iraq negotiating about?";
    expect(split(text)).toEqual([text]);
  });

  it('GIVEN one question THEN returns it whole, trimmed', () => {
    expect(split('  How many U.S. troops are in Iraq?  ')).toEqual([
      'How many U.S. troops are in Iraq?',
    ]);
  });

  it('GIVEN a topic, a comma and its question THEN one question, not a topic and a question', () => {
    const text = 'the jordan attack, was it done with drones?';
    expect(split(text)).toEqual([text]);
    expect(split('what about 2020, how many injured then')).toEqual([
      'how many injured then in 2020',
    ]);
  });

  it('GIVEN a part that asks whether another part is true THEN one question', () => {
    for (const text of [
      '66 strikes?? is that right for the militia attacks',
      'over 13,000 in kuwait? is it true',
    ])
      expect(split(text), text).toEqual([text]);
  });

  it('GIVEN thanks or a greeting as a piece of its own THEN it is no question and borrows no frame', () => {
    expect(split('how many troops in kuwait and qatar? thx!')).toEqual([
      'how many troops in kuwait',
      'how many troops in qatar',
    ]);
    expect(split('how many troops in kuwait? thanks')).toEqual([
      'how many troops in kuwait? thanks',
    ]);
  });

  it('GIVEN an emoji after the question THEN it is no part and borrows no frame', () => {
    const text = 'will the attacks on us forces stop?? 🤔';
    expect(split(text)).toEqual([text]);
  });

  it('GIVEN words about the asker after a question ("not a manager") THEN they qualify it: one question', () => {
    const text = 'whats my notice period after probation? not a manager';
    expect(split(text)).toEqual([text]);
    // A qualifier with a question of its own is a question.
    expect(split('how many troops in kuwait? and if so how many in qatar')).toHaveLength(2);
  });

  it('GIVEN a thing joined to a named subject THEN one question: the thing cannot stand where the subject is', () => {
    const text = 'what did Slim say about the war in Kuwait and the attacks?';
    expect(split(text)).toEqual([text]);
    // A place can, known or not.
    expect(split('how many troops in kuwait and the uae')).toEqual([
      'how many troops in kuwait',
      'how many troops in the uae',
    ]);
  });

  it('GIVEN words that only contain a joiner ("Kuwaiti", "android") THEN does not split', () => {
    expect(split('how many kuwaiti android users')).toEqual(['how many kuwaiti android users']);
  });

  it('GIVEN a number written with a thousands comma THEN the comma splits nothing', () => {
    // A blind tester got "who gives the 30" and "000 number" asked as two questions.
    expect(split('who gives the 30,000 number? source?')).toEqual([
      'who gives the 30,000 number',
      'source',
    ]);
    expect(split('in 2020, how many injured')).toEqual(['how many injured in 2020']);
  });

  it('GIVEN values offered as the answer ("2003 or 2004") THEN the question before them, alone', () => {
    expect(split('when was the iraq invasion?? 2003 or 2004')).toEqual([
      'when was the iraq invasion',
    ]);
    expect(split('overtime?? 1.25x or 1.5x')).toEqual(['overtime']);
    expect(split('how many troops in kuwait or qatar')).toHaveLength(2);
  });

  it('GIVEN a question word alone after a question THEN it asks that question: one question', () => {
    const text = 'can u carry over unused holiday days into next yr? how many';
    expect(split(text)).toEqual([text]);
    expect(split('how many troops in kuwait? when exactly')).toEqual([
      'how many troops in kuwait? when exactly',
    ]);
  });

  it('GIVEN "between" two sides THEN the sides are one thing, not two questions', () => {
    const text = 'who r the talks between, the american and iraqi security forces?';
    expect(split(text)).toEqual([text]);
    expect(split('talks between, us and iraq; how many troops in kuwait')).toEqual([
      'talks between us and iraq',
      'how many troops in kuwait',
    ]);
    const sides = 'between US and Iraq, the talks are about what thing?';
    expect(split(sides)).toEqual([sides]);
  });

  it('GIVEN one word offered after "or" that no place in the question takes THEN one question', () => {
    const text = 'are we paid monthly or weekly?';
    expect(split(text)).toEqual([text]);
    // A place the frame names is filled by the word after "or": two questions, as after "and".
    expect(split('how many troops in kuwait or qatar')).toEqual([
      'how many troops in kuwait',
      'how many troops in qatar',
    ]);
  });

  it(`GIVEN more than ${MAX_PARTS} parts THEN asks the message as it stands`, () => {
    const text = 'troops in kuwait, qatar, bahrain and iraq';
    expect(split(text)).toEqual([text]);
  });
});
