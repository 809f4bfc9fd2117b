import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../../../src/matcher/normalize.js';
import { createRoleIndex, placeAgents, roleTriples } from '../../../src/matcher/role-order.js';
import { slotKind } from '../../../src/matcher/slot-lexicon.js';

/** A text as the role index reads it: tokens with the surfaces they come from. */
const roleText = (text: string) => {
  const words = createNormalizer().words(text);
  return { tokens: words.map((w) => w.token), surfaces: words.map((w) => w.surface) };
};

const tokens = (text: string, shorthand?: Record<string, string>) =>
  createNormalizer(shorthand ? { shorthand } : {})
    .words(text)
    .map((w) => w.token)
    .join(' ');

describe('chat noise', () => {
  it('expands built-in shorthand, and the knowledge can add its own', () => {
    expect(tokens('how many us soldiers r in iraq rn pls')).toBe(
      tokens('how many us soldiers are in iraq'),
    );
    expect(tokens('how many hrs a wk can i wfh')).toBe(
      tokens('how many hours a week can i work from home'),
    );
    expect(tokens('which org is randa slim w/')).toBe(
      tokens('which organization is randa slim with'),
    );
    expect(tokens('wat r the pto rules')).not.toBe(tokens('what are the paid time off rules'));
    expect(tokens('wat r the pto rules', { pto: 'paid time off' })).toBe(
      tokens('what are the paid time off rules'),
    );
  });

  it('sets greetings, thanks, hedges and mentions aside when a question remains', () => {
    const bare = tokens('how many troops are in iraq?');
    expect(tokens('hey, quick question: how many troops are in iraq? thanks!')).toBe(bare);
    expect(tokens('@alice asked how many troops are in iraq')).toBe(bare);
    expect(tokens('my boss wants to know how many troops are in iraq, any idea?')).toBe(bare);
    // "morning" greets only where it opens the message and a question or an address follows.
    expect(tokens('morning! how many troops are in iraq?')).toBe(bare);
    expect(tokens('morning all, how many troops are in iraq?')).toBe(bare);
    expect(tokens('morning shift hours')).toContain(tokens('morning'));
    expect(tokens('what time does the office open in the morning')).toContain(tokens('morning'));
    // A newcomer introducing themselves, and a hedge about the question itself.
    expect(tokens("hi, I'm new - how many troops are in iraq?")).toBe(bare);
    expect(tokens('sorry, silly q - how many troops are in iraq?')).toBe(bare);
    expect(tokens('when do i get a new laptop')).toContain(tokens('new'));
    // Good wishes, and greetings and thanks drawn out for tone (blind round, stop 30).
    expect(tokens('hi there, hope ur doing good :) how many troops are in iraq?')).toBe(bare);
    expect(tokens('hiii 👋 how many troops are in iraq?? thanksss')).toBe(bare);
    expect(tokens("US-IRAQ TALKS?? what's going on 🤔")).toBe(tokens('us iraq talks'));
  });

  it('keeps a message that is nothing but small talk', () => {
    expect(tokens('thanks!')).toBe(tokens('thanks'));
    expect(tokens('hey there')).not.toBe('');
  });

  it('reads the bot addressed by name as part of the greeting, not as the question', () => {
    // "hello bot" read as "bot" matched "what is this bot" and held every small file's cut-off.
    expect(tokens('hello bot').split(' ')).toContain(tokens('hello'));
    expect(tokens('hello bot')).not.toBe(tokens('bot'));
    expect(tokens('hey bot, how many troops are in iraq?')).toBe(
      tokens('how many troops are in iraq'),
    );
  });
});

describe('roles and slots', () => {
  it('records who is on which side of a role word', () => {
    const entry = roleTriples(tokens('militias launched strikes on us troops').split(' '));
    const reversed = roleTriples(tokens('us troops launched strikes on militias').split(' '));
    expect(entry).toContain(`${tokens('militias')}|on|${tokens('troops')}`);
    expect(reversed).toContain(`${tokens('troops')}|on|${tokens('militias')}`);
  });

  it('records "in" only before a place, and only that place', () => {
    const triples = (text: string) => roleTriples(tokens(text).split(' '));
    expect(triples('how many us troops are in kuwait')).toContain(`${tokens('us')}|in|kuwait`);
    expect(triples('how many troops does kuwait have in the us')).toContain(
      `kuwait|in|${tokens('us')}`,
    );
    // "in Slim's words" is not about where; "in the Middle East host troops" places only the region.
    expect(triples('what is more important in the talks, in slim words')).toEqual([]);
    expect(triples('which countries in the middle east host troops')).not.toContainEqual(
      expect.stringMatching(/\|in\|.*troop/),
    );
  });

  it('takes a place right after an auxiliary and before a verb for the doer', () => {
    const split = (text: string) => tokens(text).split(' ');
    expect(placeAgents(split('how many us soldiers did jordan kill'))).toEqual(['jordan']);
    expect(placeAgents(split('how many us soldiers were killed in jordan'))).toEqual([]);
    // Before another verb, "Jordan attack" is a noun: the attack in Jordan (stop 30).
    expect(placeAgents(split('how did jordan attack affect talks w iraq'))).toEqual([]);
    expect(placeAgents(split('did jordan attack us troops'))).toEqual(['jordan']);
    // An entry that only has soldiers killed in Jordan is reversed by "did Jordan kill".
    const index = createRoleIndex([roleText('how many us soldiers were killed in jordan')], [0]);
    expect(index.conflicts(0, roleText('how many us soldiers did jordan kill'))).toBe(true);
    expect(index.conflicts(0, roleText('how many soldiers died in jordan'))).toBe(false);
    // "does Jordan host / have soldiers" says where they are, as "in Jordan" does.
    expect(index.conflicts(0, roleText('how many us soldiers does jordan host'))).toBe(false);
    // One whose phrasings make the place the doer is not.
    const doer = createRoleIndex([roleText('did iraq agree to the talks in iraq')], [0]);
    expect(doer.conflicts(0, roleText('did iraq agree to the talks'))).toBe(false);
  });

  it('reads who does an action to whom from the verb and its voice', () => {
    const index = createRoleIndex(
      [
        roleText('are iran-backed militias attacking us troops in iraq'),
        roleText('have us troops in iraq been attacked recently'),
        roleText('who has been attacking us troops'),
      ],
      [0, 0, 0],
    );
    // The reverse of the entry, whichever way it is put.
    expect(index.conflicts(0, roleText('did the us attack iran?'))).toBe(true);
    expect(index.conflicts(0, roleText('who did us troops attack in iraq?'))).toBe(true);
    expect(index.conflicts(0, roleText('did us troops attack iran-backed militias'))).toBe(true);
    // The head of "Iran-backed militias" is what the attack is on, though "backed" comes first.
    expect(index.conflicts(0, roleText('who attacked iran backed militias in iraq'))).toBe(true);
    // The entry's own roles, active or passive, with or without an auxiliary.
    expect(index.conflicts(0, roleText('who is attacking us troops'))).toBe(false);
    expect(index.conflicts(0, roleText('were us troops attacked by militias'))).toBe(false);
    expect(index.conflicts(0, roleText('us troops attacked in iraq?'))).toBe(false);
    expect(index.conflicts(0, roleText('have militias attacked us forces'))).toBe(false);
    expect(index.conflicts(0, roleText('have iran backed militias attacked us troops'))).toBe(
      false,
    );
  });

  it('tells another subject from another date from an everyday word', () => {
    expect(slotKind('germany')).toBe('entity');
    expect(slotKind('contractors')).toBe('entity');
    expect(slotKind('2019')).toBe('time');
    expect(slotKind('size')).toBeUndefined();
    expect(slotKind('news')).toBeUndefined();
  });
});
