import { describe, expect, it } from 'vitest';
import {
  asksForEvidence,
  detectOrdinal,
  explanationsOf,
  followRank,
  isWhy,
  referentOf,
  rewritePronouns,
} from '../../../src/conversation/references.js';
import type { KnowledgeEntry } from '../../../src/knowledge/knowledge.js';
import { entry } from './fixtures/scripted-kb.js';

const people = new Set(['Randa Slim']);

describe('pronoun references', () => {
  it('GIVEN an entry about a person THEN "she"/"her" stand for them and "there" for no place', () => {
    const referent = referentOf(entry('slim', { subject: 'Randa Slim' }), people);
    expect(referent).toEqual({ person: 'Randa Slim' });
    expect(rewritePronouns('where does she work?', referent)).toBe('where does Randa Slim work?');
    expect(rewritePronouns("what's her title", referent)).toBe("what's Randa Slim's title");
    expect(rewritePronouns('how many troops are there', referent)).toBeUndefined();
  });

  it('GIVEN a quote THEN its speaker is the person even when its subject is a place', () => {
    const quote = entry('quote', { subject: 'Gaza', speaker: 'Randa Slim' });
    expect(referentOf(quote, people)).toEqual({
      person: 'Randa Slim',
      place: 'Gaza',
      thing: 'Gaza',
    });
  });

  it('GIVEN an entry about a place THEN "there" is "in" it and "it" is it', () => {
    const referent = referentOf(entry('kuwait', { subject: 'Kuwait' }), people);
    expect(rewritePronouns('how many troops are there?', referent)).toBe(
      'how many troops are in Kuwait?',
    );
    expect(rewritePronouns('what happened in it', referent)).toBe('what happened in Kuwait');
    expect(rewritePronouns('did she say that the talks failed', referent)).toBeUndefined();
  });
});

describe('ordinal references', () => {
  it.each([
    ['and after that?', { kind: 'next' }],
    ['and the next one?', { kind: 'next' }],
    ['which is third', { kind: 'position', position: 3 }],
    ['whats the 2nd', { kind: 'position', position: 2 }],
    ['which ranks 3rd', { kind: 'position', position: 3 }],
    ['which country is 2nd?', { kind: 'position', position: 2 }],
    ['and first?', { kind: 'position', position: 1 }],
    ['the last one', { kind: 'position', position: 'last' }],
    ['and the other one?', { kind: 'other' }],
  ])('GIVEN "%s" THEN reads %o', (text, reference) => {
    expect(detectOrdinal(text)).toEqual(reference);
  });

  it.each(['which country hosts the most troops', 'the second attack in Jordan', 'next year?'])(
    'GIVEN a question "%s" THEN it is not an ordinal follow-up',
    (text) => {
      expect(detectOrdinal(text)).toBeUndefined();
    },
  );

  const list = (id: string, position: number): KnowledgeEntry =>
    entry(id, { rank: { list: 'hosts', position } });
  const most = list('most', 1);
  const entries = [most, list('first', 1), list('second', 2), list('third', 3), entry('other')];

  it('GIVEN a ranked list THEN next, a position, the last and the only unseen one resolve', () => {
    expect(followRank({ kind: 'next' }, most, entries)?.id).toBe('second');
    expect(followRank({ kind: 'position', position: 3 }, most, entries)?.id).toBe('third');
    expect(followRank({ kind: 'position', position: 'last' }, most, entries)?.id).toBe('third');
    expect(followRank({ kind: 'position', position: 1 }, list('third', 3), entries)?.id).toBe(
      'most',
    );
    expect(followRank({ kind: 'other' }, most, entries, ['second'])?.id).toBe('third');
  });

  it('GIVEN the end of the list, an unranked entry or an ambiguous "other" THEN nothing', () => {
    expect(followRank({ kind: 'next' }, list('third', 3), entries)).toBeUndefined();
    expect(followRank({ kind: 'position', position: 4 }, most, entries)).toBeUndefined();
    expect(followRank({ kind: 'next' }, entry('other'), entries)).toBeUndefined();
    expect(followRank({ kind: 'other' }, most, entries)).toBeUndefined();
  });
});

describe('why and evidence', () => {
  it.each(['why?', 'How come?', 'and why is that', 'why are they there?'])(
    'GIVEN "%s" THEN asks why',
    (text) => {
      expect(isWhy(text)).toBe(true);
    },
  );

  it.each(['why did the talks get delayed', 'why kuwait?'])(
    'GIVEN a whole question "%s" THEN not a bare why',
    (text) => {
      expect(isWhy(text)).toBe(false);
    },
  );

  it('GIVEN related entries THEN the ones with a "why" phrasing explain the last answer', () => {
    const reason = entry('reason', { questions: ['Why did it happen?', 'b', 'c', 'd', 'e', 'f'] });
    const last = entry('last', { related: ['reason', 'plain'] });
    const entries = new Map([reason, entry('plain'), last].map((e) => [e.id, e]));
    expect(explanationsOf(last, entries).map((e) => e.id)).toEqual(['reason']);
  });

  it.each(['why do you say that?', 'how do you know', 'says who?'])(
    'GIVEN "%s" THEN asks for evidence',
    (text) => {
      expect(asksForEvidence(text)).toBe(true);
    },
  );
});
