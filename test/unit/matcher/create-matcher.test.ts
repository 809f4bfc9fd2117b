import { describe, expect, it } from 'vitest';
import { chooseThresholds } from '../../../src/matcher/choose-thresholds.js';
import { createMatcher, trainMatcher } from '../../../src/matcher/create-matcher.js';
import { decide } from '../../../src/matcher/decide.js';
import type { MatcherFactory } from '../../../src/matcher/matcher.js';
import { createNormalizer } from '../../../src/matcher/normalize.js';
import { entries, offTopic, synonyms } from './fixtures/troops-kb.js';

describe('createMatcher on a small curated knowledge set', () => {
  const matcher = createMatcher(entries, { synonyms });
  const thresholds = chooseThresholds(entries, offTopic, createMatcher, { synonyms });
  const outcome = (q: string) => decide(matcher.match(q), thresholds);

  it('answers paraphrases with the right entry', () => {
    for (const [q, id] of [
      ['How many soldiers are in Qatar?', 'troops-in-qatar'],
      ['When do the troops come home?', 'withdrawal-date'],
      ['How many U.S. soldiers are in Iraq?', 'troops-in-iraq'],
      ['What are the US bases in Syria?', 'bases-in-syria'],
    ] as const) {
      const d = outcome(q);
      expect(d.kind, q).toBe('answer');
      expect(d.candidates[0]?.entry, q).toBe(id);
    }
  });

  it('tolerates typos in known words', () => {
    expect(matcher.match('how many trops in Kuwiat').candidates[0]?.entry).toBe('troops-in-kuwait');
    expect(matcher.match('Bahrein bases').candidates[0]?.entry).toBe('bases-in-bahrain');
    expect(outcome('how many trops in Kuwiat').kind).toBe('answer');
  });

  it('treats synonyms alike', () => {
    const a = matcher.match('how many forces in Jordan');
    const b = matcher.match('how many soldiers in Jordan');
    expect(a.normalized).toBe(b.normalized);
    expect(a.candidates[0]?.entry).toBe('troops-in-jordan');
  });

  it('declines a near miss whose informative word the knowledge does not know', () => {
    const d = outcome('How many US troops are in Germany?');
    expect(d.kind).toBe('decline');
    const top = matcher.match('How many US troops are in Germany?').candidates[0];
    const known = matcher.match('How many US troops are in Kuwait?').candidates[0];
    expect(top?.confidence ?? 0).toBeLessThan((known?.confidence ?? 0) / 3);
  });

  it('marks a candidate explained only when the question has no word the entry does not use', () => {
    const explained = (q: string) => matcher.match(q).candidates[0]?.explained === true;
    // Every word is one the Kuwait entry's phrasings use, in another order.
    expect(explained('in kuwait how many us soldiers are stationed')).toBe(true);
    // Another place, a word nothing knows, a number and a question word the entry never asks.
    for (const q of [
      'how many us troops are in germany',
      'how many us troops are in kuwait city',
      'how many us troops were in kuwait in 1991',
      'why are us troops stationed in kuwait',
    ])
      expect(explained(q), q).toBe(false);
  });

  it('reads "what country…" as the "which country…" an entry is phrased with', () => {
    const hosts = createMatcher([
      {
        id: 'largest-host',
        phrasings: [
          'Which country hosts the most US troops?',
          'which nation has the largest us garrison',
          'most us troops which country',
        ],
      },
      {
        id: 'troop-total',
        phrasings: ['How many US troops are in the region?', 'what is the us troop total'],
      },
    ]);
    const top = (q: string) => hosts.match(q).candidates[0];
    const asWhich = top('which country hosts the most us troops')?.confidence ?? 0;
    // Without the reading, "what" is a word only the other entry uses, and it wins.
    const asWhat = top('what country hosts the most us troops');
    expect(asWhat?.entry).toBe('largest-host');
    expect(asWhat?.confidence ?? 0).toBeGreaterThan(0.9 * asWhich);
  });

  it("reads a number the entry's answer states as checking that answer, and another entry's as another figure", () => {
    const withAnswers = createMatcher([
      {
        id: 'probation',
        phrasings: ['How long is probation?', 'how many months is probation', 'probation length'],
        answer: 'New employees serve a probation period of 6 months.',
      },
      {
        id: 'parental-leave',
        phrasings: ['How much parental leave do I get?', 'how many weeks of parental leave'],
        answer: 'A birth parent gets 26 weeks of parental leave.',
      },
      {
        id: 'holiday',
        phrasings: ['How many holiday days do I get?', 'holiday allowance'],
        answer: 'Full-time employees get 25 days.',
      },
    ]);
    const top = (q: string) => withAnswers.match(q).candidates[0];
    const checked = top('is probation 6 months?');
    expect(checked?.entry).toBe('probation');
    expect(checked?.confidence ?? 0).toBeGreaterThan(0.9);
    // Another entry's figure, and a figure no answer gives, ask about something else.
    for (const q of ['is probation 26 months?', 'is probation 8 months?'])
      expect(top(q)?.confidence ?? 0, q).toBeLessThan(0.8 * (checked?.confidence ?? 0));
  });

  it('reads thousands written with a k as the number an answer writes out', () => {
    const hosts = createMatcher([
      {
        id: 'qatar',
        phrasings: ['How many troops are in Qatar?', 'qatar troop numbers', 'troops qatar'],
        answer: 'Qatar hosts 10,000 troops.',
      },
      {
        id: 'kuwait',
        phrasings: ['How many troops are in Kuwait?', 'kuwait troop numbers', 'troops kuwait'],
        answer: 'Kuwait hosts over 13,000 troops.',
      },
    ]);
    const confidence = (q: string) => hosts.match(q).candidates[0]?.confidence ?? 0;
    expect(confidence('qatar 10k troops?')).toBeGreaterThan(confidence('qatar 11k troops?'));
    expect(confidence('qatar 10k troops?')).toBeGreaterThan(confidence('qatar 13k troops?'));
  });

  it('reads a multiplier written with an x as the number an answer states', () => {
    const rates = createMatcher([
      {
        id: 'office-overtime',
        phrasings: ['What is the office overtime rate?', 'office overtime pay', 'overtime office'],
        answer: 'Office overtime is paid at 1.25 times the hourly rate.',
      },
      {
        id: 'site-overtime',
        phrasings: ['What is the site overtime rate?', 'site overtime pay', 'overtime site'],
        answer: 'Site overtime is paid at 1.5 times the hourly rate.',
      },
    ]);
    const top = (q: string) => rates.match(q).candidates[0];
    expect(top('office overtime 1.25x?')?.entry).toBe('office-overtime');
    // The site's figure asked of the office, and a figure no answer gives, are not the office's.
    expect(top('office overtime 1.25x?')?.confidence ?? 0).toBeGreaterThan(
      top('office overtime 1.5x?')?.confidence ?? 0,
    );
    expect(top('office overtime 1.25x?')?.confidence ?? 0).toBeGreaterThan(
      top('office overtime 3x?')?.confidence ?? 0,
    );
  });

  it('prices an unseen word after "for a", "with the"… in full: it is what the question asks about', () => {
    const top = (q: string) => matcher.match(q).candidates[0]?.confidence ?? 0;
    // The same unseen word as chatter around the question, and as the thing asked about.
    const aside = top('how many us soldiers are stationed in kuwait, parade');
    const asked = top('how many us soldiers are stationed in kuwait for the parade');
    expect(asked).toBeLessThan(aside);
    expect(outcome('how many us soldiers are stationed in kuwait for the parade').kind).not.toBe(
      'answer',
    );
  });

  it('declines out-of-scope questions', () => {
    for (const q of ["what's the weather", 'how do I renew my passport', 'play some music']) {
      expect(outcome(q).kind, q).toBe('decline');
    }
  });

  it('returns calibrated confidences in [0, 1], best first, up to the limit', () => {
    const r = matcher.match('how many troops in iraq', 4);
    expect(r.candidates.length).toBeLessThanOrEqual(4);
    expect(r.candidates[0]?.entry).toBe('troops-in-iraq');
    for (const c of r.candidates) {
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(entries.find((e) => e.id === c.entry)?.phrasings).toContain(c.phrasing);
    }
    const confidences = r.candidates.map((c) => c.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it('returns no candidates when nothing is shared with the knowledge', () => {
    expect(matcher.match('zzz qqq').candidates).toEqual([]);
    expect(matcher.match('').candidates).toEqual([]);
  });
});

describe('trainMatcher', () => {
  const trained = trainMatcher(entries, { synonyms });

  it('returns each phrasing of a multi-phrasing entry once, answered by a matcher without it', () => {
    const expected = entries.flatMap((e) =>
      e.phrasings.length > 1 ? e.phrasings.map((p) => `${e.id}|${p}`) : [],
    );
    const got = trained.heldOut.map((t) => `${t.gold}|${t.text}`);
    expect([...got].sort()).toEqual([...expected].sort());
    const right = trained.heldOut.filter((t) => t.result.candidates[0]?.entry === t.gold);
    expect(right.length / trained.heldOut.length).toBeGreaterThanOrEqual(0.8);
  });

  it('makes up no near miss that reads exactly as one of the phrasings', () => {
    // Small talk shares its words with every file; "hello bot" once read as a bare "bot".
    const small = [
      ...entries.slice(0, 2),
      { id: 'greeting', phrasings: ['hello', 'hi', 'hello bot', 'hey there, how are you'] },
      { id: 'about', phrasings: ['who are you', 'are you a bot', 'what is this bot'] },
    ];
    const normalizer = createNormalizer({ synonyms });
    const phrased = new Set(
      small.flatMap((e) =>
        e.phrasings.map((p) =>
          normalizer
            .words(p)
            .map((w) => w.token)
            .join(' '),
        ),
      ),
    );
    const made = trainMatcher(small, { synonyms }).nearMisses ?? [];
    expect(made.length).toBeGreaterThan(0);
    expect(made.filter((m) => phrased.has(m.result.normalized))).toEqual([]);
  });

  it('lets chooseThresholds reuse the held-out results instead of retraining', () => {
    const refuse: MatcherFactory = () => {
      throw new Error('retrained');
    };
    const t = chooseThresholds(entries, offTopic, refuse, { synonyms }, trained);
    expect(t.clarify).toBeLessThanOrEqual(t.answer);
    expect(decide(trained.matcher.match('How many U.S. soldiers are in Iraq?'), t).kind).toBe(
      'answer',
    );
    expect(decide(trained.matcher.match('How many US troops are in Germany?'), t).kind).toBe(
      'decline',
    );
  });
});
