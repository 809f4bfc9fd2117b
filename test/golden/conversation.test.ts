import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { Query } from '../../src/query.js';
import { memoryStateStore } from '../support/memory-state.js';
import { shippedKnowledgeBase } from '../support/shipped-bot.js';

const QUOTE = 'Will attacks on U.S. forces continue while the war in Gaza goes on?';

async function conversation(config = {}) {
  const bot = createBot({
    knowledge: await shippedKnowledgeBase(),
    store: memoryStateStore(),
    config,
  });
  const id = `conv-${Math.random()}`;
  const ask = (text: string, user = 'alice'): ReturnType<typeof bot.handle> =>
    bot.handle({ text, platform: 'slack', user, conversation: id } satisfies Query);
  return { bot, ask, id };
}

describe('conversation memory on the shipped knowledge', () => {
  it('GIVEN a troop count for Kuwait THEN "and Qatar?" and "what about Bahrain?" answer for those countries', async () => {
    const { ask } = await conversation();
    expect(await ask('How many U.S. troops are in Kuwait?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-kuwait' },
    });
    const qatar = await ask('and Qatar?');
    expect(qatar).toMatchObject({ kind: 'answer', entry: { entry: 'us-troops-qatar' } });
    expect(qatar.text).toContain('10,000');
    expect(await ask('what about Bahrain?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-bahrain' },
    });
  });

  it('GIVEN the deaths in Jordan and a declined turn THEN "how many were hurt?" is not answered with the injuries of another attack', async () => {
    const { ask } = await conversation();
    await ask('how many soldiers died in the jordan attack');
    expect((await ask('what were their names')).kind).toBe('decline');
    const hurt = await ask('how many were hurt?');
    expect(hurt).toMatchObject({
      kind: 'decline',
      suggestions: [{ entry: 'attack-2020-injuries' }],
    });
    // Naming the attack asks it on its own.
    expect(await ask('how many were hurt in the 2020 attack?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'attack-2020-injuries' },
    });
  });

  it('GIVEN no answer to lean on THEN "what about jordan" names a topic and asks nothing: it is clarified, not answered', async () => {
    const { ask } = await conversation();
    await ask('how many us troops are in iraq');
    expect((await ask('and in syria?')).kind).toBe('decline');
    expect((await ask('ok what about jordan then')).kind).toBe('clarify');
    expect((await ask('what about jordan')).kind).toBe('clarify');
  });

  it('GIVEN the ranking of host countries THEN "and qatar" answers with the ranked entry about Qatar', async () => {
    const { ask } = await conversation();
    await ask('kuwait vs bahrain troop numbers?');
    expect(await ask('which one has the most overall')).toMatchObject({
      entry: { entry: 'middle-east-troops-by-country' },
    });
    expect(await ask('and qatar')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-qatar' },
    });
    expect((await ask('and germany?')).kind).toBe('decline');
  });

  it('GIVEN "kuwait vs bahrain" THEN two places of one ranked list are compared: each is answered', async () => {
    const { ask } = await conversation();
    for (const text of ['kuwait vs bahrain', 'kuwait vs bahrain troops?']) {
      const reply = await ask(text);
      expect(reply.kind, text).toBe('answer');
      expect(reply.text, text).toContain('13,000');
      expect(reply.text, text).toContain('9,000');
      expect(reply.text, text).not.toContain('not sure');
    }
  });

  it('GIVEN two bare words that are no such pair THEN each is offered, not answered, and a number picks', async () => {
    const { ask } = await conversation();
    const offered = await ask('troops vs militias');
    expect(offered).toMatchObject({ kind: 'clarify', text: 'Did you mean one of these?' });
    expect(offered.kind === 'answer' ? 0 : offered.suggestions.length).toBe(2);
    const first = offered.kind === 'answer' ? undefined : offered.suggestions[0]?.entry;
    expect(await ask('1')).toMatchObject({ kind: 'answer', entry: { entry: first } });
    // A message that points somewhere as a whole is offered whole, not cut into two guesses.
    const whole = await ask('are Washington and Baghdad discussing how many soldiers stay');
    expect(whole.kind).not.toBe('answer');
    expect(whole.kind === 'answer' ? [] : whole.suggestions.map((s) => s.entry)).toEqual([
      'us-iraq-negotiations',
    ]);
  });

  it("GIVEN a declined part THEN a later part's pronoun stands for it, not for the last answer", async () => {
    const { ask } = await conversation();
    await ask('how many us troops are in kuwait');
    const reply = await ask('and germany, how many are there?');
    expect(reply.kind === 'answer' && reply.text).not.toContain('13,000');
  });

  it('GIVEN an answer about someone THEN "what about <another>?" landing on the same answer is declined', async () => {
    const { ask } = await conversation();
    await ask('who is the deputy press secretary quoted');
    expect((await ask('what about the press secretary?')).kind).toBe('decline');
  });

  it('GIVEN the troops in Kuwait THEN "and in 2020?" asks Kuwait in 2020, not the attack of 2020', async () => {
    const { ask } = await conversation();
    await ask('how many troops in kuwait');
    const reply = await ask('and in 2020?');
    expect(reply.kind === 'answer' && reply.entry.entry).not.toBe('attack-2020-injuries');
    expect(reply.kind).not.toBe('answer');
  });

  it('GIVEN nothing answered before THEN "how many died in it?" is not answered with the deaths in Jordan', async () => {
    const { ask } = await conversation();
    expect((await ask('quick one - wat war started on oct 7')).kind).not.toBe('answer');
    const died = await ask('how many died in it');
    expect(died).toMatchObject({
      kind: 'decline',
      suggestions: [{ entry: 'jordan-attack-deaths' }],
    });
  });

  it('GIVEN the strikes since Oct. 7 THEN "they" may lead to what the strikes link to, never to the deaths in Jordan', async () => {
    const { ask } = await conversation();
    await ask('how many militia strikes since oct 7');
    expect((await ask('how many us troops died in them')).kind).toBe('decline');
    await ask('how many militia strikes since oct 7');
    expect(await ask('will they keep going')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'slim-attacks-will-continue-quote' },
    });
  });

  it('GIVEN what someone said and a pronoun about them in one message THEN both halves are answered', async () => {
    const { ask } = await conversation();
    const reply = await ask('what did Sabrina Singh say and what is her job title?');
    expect(reply.kind).toBe('answer');
    if (reply.kind === 'answer')
      expect(reply.parts?.map((part) => part.entry?.entry)).toEqual([
        'singh-delay-quote',
        'singh-commitment-quote',
        'who-is-sabrina-singh',
      ]);
  });

  it('GIVEN an answer THEN a short follow-up the knowledge cannot answer is declined pointing along the conversation', async () => {
    const { ask } = await conversation();
    await ask('how long has the us been in iraq');
    const why = await ask('why did they go in originally');
    expect(why.kind).toBe('decline');
    if (why.kind === 'decline')
      expect(why.suggestions.map((s) => s.entry)).toContain('us-presence-began-2003-invasion');
  });

  it('GIVEN a follow-up about a country the article never mentions THEN declines', async () => {
    const { ask } = await conversation();
    await ask('How many U.S. troops are in Kuwait?');
    expect((await ask('and Germany?')).kind).toBe('decline');
  });

  it('GIVEN a quote THEN "who said that?" names the speaker, attributed', async () => {
    const { ask } = await conversation();
    const quote = await ask(QUOTE);
    expect(quote.kind).toBe('answer');
    const who = await ask('who said that?');
    expect(who).toMatchObject({
      kind: 'answer',
      text: 'According to Scripps News, that was Randa Slim.',
    });
  });

  it('GIVEN someone\'s view THEN "why?" gives their reasoning in their own words, quoted once', async () => {
    const { ask } = await conversation();
    await ask('did the jordan attack make the talks harder');
    const reasoning = await ask('how come?');
    expect(reasoning).toMatchObject({
      kind: 'answer',
      entry: { entry: 'slim-complicating-factor-quote' },
    });
  });

  it('GIVEN a quote answered in full THEN "why?" does not give the same quote again: it declines, offering what the answer links to', async () => {
    const { ask } = await conversation();
    const quote = await ask(QUOTE);
    expect(quote).toMatchObject({ entry: { entry: 'slim-attacks-will-continue-quote' } });
    const why = await ask('why?');
    expect(why).toMatchObject({
      kind: 'decline',
      suggestions: [
        { entry: 'gaza-long-shadow' },
        { entry: 'who-is-randa-slim' },
        { entry: 'militia-attacks-recent-months' },
      ],
    });
    expect(why.text).not.toContain('As long as the war in Gaza continues');
  });

  it('GIVEN a quote THEN "why do you say that?" gives the passage it rests on, quoted once', async () => {
    const { ask } = await conversation();
    await ask(QUOTE);
    const rests = await ask('why do you say that?');
    expect(rests).toMatchObject({
      kind: 'answer',
      entry: { entry: 'slim-attacks-will-continue-quote' },
    });
    expect(rests.text).toMatch(/^Scripps News reports: "As long as the war in Gaza continues/);
    expect(rests.text).not.toContain('""');
  });

  it('GIVEN a figure THEN "who says so?" and "where does that figure come from?" give the passage it rests on', async () => {
    const { ask } = await conversation();
    await ask('whats the total number of us land troops in the middle east');
    for (const text of ['who says so?', 'where does that figure come from?']) {
      const rests = await ask(text);
      expect(rests, text).toMatchObject({
        kind: 'answer',
        entry: { entry: 'us-troops-middle-east-total' },
      });
      expect(rests.text, text).toContain('According to the U.S. Department of Defense');
    }
  });

  it('GIVEN the total THEN "and how many are in iraq?" names another topic and is answered on it', async () => {
    const { ask } = await conversation();
    await ask('whats the total number of us land troops in the middle east');
    expect(await ask('and how many are in iraq?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-iraq' },
    });
  });

  it('GIVEN a troop count THEN a comparison with another ranked country answers with the ranking; one the ranking lacks, or "bigger" between two named countries, does not', async () => {
    const { ask } = await conversation();
    await ask('how many us troops in bahrain');
    expect(await ask('is that more than qatar?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'middle-east-troops-by-country' },
    });
    await ask('how many us troops in bahrain');
    expect((await ask('is that more than germany?')).kind).toBe('decline');
    await ask('how many us troops in bahrain');
    const land = await ask('is kuwait bigger than qatar');
    expect(land.kind === 'answer' && land.entry.entry).not.toBe('middle-east-troops-by-country');
    await ask('kuwait vs bahrain troop numbers');
    expect(await ask('which one has more')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'middle-east-troops-by-country' },
    });
  });

  it('GIVEN someone quoted twice THEN "what did she say?" gives both quotes, each attributed; "who said that?" still names her', async () => {
    const { ask } = await conversation();
    await ask('who is sabrina singh');
    const said = await ask('what did she say');
    expect(said).toMatchObject({ kind: 'answer' });
    if (said.kind !== 'answer') return;
    expect(said.parts?.map((part) => part.entry?.entry)).toEqual([
      'singh-delay-quote',
      'singh-commitment-quote',
    ]);
    expect(await ask('who said that?')).toMatchObject({
      kind: 'answer',
      text: 'According to Scripps News, that was Sabrina Singh.',
    });
  });

  it('GIVEN an answer with related entries THEN "tell me more" answers a related entry', async () => {
    const { bot, ask } = await conversation();
    const first = await ask('How many U.S. troops are in Kuwait?');
    if (first.kind !== 'answer') throw new Error('expected an answer');
    const more = await ask('tell me more');
    expect(more.kind).toBe('answer');
    if (more.kind === 'answer')
      expect(first.related.map((r) => r.entry)).toContain(more.entry.entry);
    expect(bot).toBeDefined();
  });

  it('GIVEN a follow-up that makes no sense in context THEN it is handled as a fresh question', async () => {
    const { ask } = await conversation();
    const fresh = await (await conversation()).ask('who said that?');
    await ask('How many U.S. troops are in Kuwait?');
    const reply = await ask('who said that?');
    expect(reply.text).not.toContain('that was');
    expect(reply.kind).toBe(fresh.kind);
  });

  it('GIVEN two users in one channel THEN each has their own context', async () => {
    const { ask } = await conversation();
    await ask(QUOTE, 'alice');
    expect((await ask('who said that?', 'bob')).text).not.toContain('that was Randa Slim');
    expect((await ask('who said that?', 'alice')).text).toContain('that was Randa Slim');
  });

  it('GIVEN more questions than the budget THEN one friendly notice, then quiet until the window passes', async () => {
    let clock = 0;
    const bot = createBot({
      knowledge: await shippedKnowledgeBase(),
      store: memoryStateStore(),
      now: () => clock,
      config: { rateLimit: { questions: 3, windowMs: 60_000 } },
    });
    const ask = () =>
      bot.handle({
        text: 'How many U.S. troops are in Iraq?',
        platform: 'discord',
        user: 'u',
        conversation: 'c',
      });
    for (let i = 0; i < 3; i++) expect((await ask()).kind).toBe('answer');
    const notice = await ask();
    expect(notice).toMatchObject({ kind: 'decline', reason: 'rate-limited' });
    expect(notice.text).toContain('3 questions per 60 seconds');
    expect(await ask()).toMatchObject({ reason: 'rate-limited', quiet: true });
    clock += 60_000;
    expect((await ask()).kind).toBe('answer');
  });
});

/** The entries a reply answers: each answered part of a multi-part reply, or its one entry. */
function answered(reply: Awaited<ReturnType<Awaited<ReturnType<typeof conversation>>['ask']>>) {
  if (reply.kind !== 'answer') return [];
  return reply.parts
    ? reply.parts.flatMap((part) => (part.entry ? [part.entry.entry] : []))
    : [reply.entry.entry];
}

describe('conversations: the examples of the conversation issue', () => {
  it('GIVEN "how many troops in kuwait and qatar?" THEN one reply answers both, each attributed', async () => {
    const { ask } = await conversation();
    const reply = await ask('how many troops in kuwait and qatar?');
    expect(answered(reply)).toEqual(['us-troops-kuwait', 'us-troops-qatar']);
    expect(reply.text).toContain('13,000');
    expect(reply.text).toContain('10,000');
    expect(reply.text.match(/According to the U\.S\. Department of Defense/g)).toHaveLength(2);
  });

  it('GIVEN one part the article answers and one it does not THEN answers the one and names the other', async () => {
    const { ask } = await conversation();
    const reply = await ask('how many in kuwait and how many in germany');
    expect(answered(reply)).toEqual(['us-troops-kuwait']);
    expect(reply.text).toContain('My knowledge doesn\'t cover "how many in germany"');
  });

  it('GIVEN a position in the ranking, as a word or a number THEN the country at it answers', async () => {
    const { ask } = await conversation();
    expect(await ask('which country is second for us troops in the middle east')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-qatar' },
    });
    // From the article dev set: "#3" was declined (0.11).
    expect(await ask('#3 country for us troops in the middle east???')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'us-troops-bahrain' },
    });
  });

  it('GIVEN every country of the ranking THEN the entry that gives the ranking answers, once', async () => {
    const { ask } = await conversation();
    const reply = await ask('how many troops in kuwait, qatar and bahrain');
    expect(answered(reply)).toEqual(['middle-east-troops-by-country']);
  });

  it('GIVEN a message that matches as a whole THEN it is not split', async () => {
    const { ask } = await conversation();
    const reply = await ask('When did the war in Israel and Gaza start?');
    expect(reply).toMatchObject({ kind: 'answer', entry: { entry: 'israel-gaza-war-start' } });
    expect(reply.kind === 'answer' && reply.parts).toBeFalsy();
  });

  // Found by a blind tester: "the other person" was answered with the person just named.
  it('GIVEN an answer THEN a message asking for another one never gets that answer again', async () => {
    const { ask } = await conversation();
    await ask("who said 'we're still committed to that process'?");
    expect(await ask('whats her job')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'who-is-sabrina-singh' },
    });
    for (const another of ['and who is the other person quoted?', 'whats her job, the other one'])
      expect(answered(await ask(another)), another).not.toContain('who-is-sabrina-singh');
  });

  // Found by a blind tester: the whole matched Kuwait, and the Iraq half went unmentioned.
  it('GIVEN a whole answered by one part THEN the other part is said to be left out, not dropped', async () => {
    const { ask } = await conversation();
    const reply = await ask('how many troops there now and how many in kuwait?');
    expect(reply).toMatchObject({ kind: 'answer', entry: { entry: 'us-troops-kuwait' } });
    expect(reply.kind === 'answer' && reply.parts?.map((p) => p.entry?.entry)).toEqual([
      undefined,
      'us-troops-kuwait',
    ]);
    expect(reply.text).toContain('How many U.S. troops are in Iraq?');
  });

  it('GIVEN "how many us troops are in iraq and how long have they been there" THEN "they" and "there" resolve within the message', async () => {
    const { ask } = await conversation();
    const reply = await ask('how many us troops are in iraq and how long have they been there');
    expect(answered(reply)).toEqual(['us-troops-iraq', 'us-presence-in-iraq-duration']);
  });

  it('GIVEN a later part that asks what the earlier answer already says THEN one answer, no "not covered"', async () => {
    const { ask } = await conversation();
    // Blind round: "Iran-backed militias" was answered, then "My knowledge doesn't cover 'who backs them'".
    const reply = await ask('hi, who is attacking american forces in iraq? and who backs them');
    expect(reply).toMatchObject({
      kind: 'answer',
      entry: { entry: 'militia-attacks-recent-months' },
    });
    expect(reply.text).not.toContain("doesn't cover");
  });

  it('GIVEN an answer THEN "they" stand for the nouns its entry is about, and only what it gives is answered', async () => {
    const { ask } = await conversation();
    // "them" in the second part are the strikes of the first: who is behind them.
    const reply = await ask('how many militia strikes since oct 7 and who is behind them');
    expect(answered(reply)).toEqual([
      'militia-strikes-since-oct-7',
      'militia-attacks-recent-months',
    ]);
    // "it" after how long U.S. forces have been in Iraq: the presence, whose start the entry that
    // one links to gives, though the rewrite alone is only clarified.
    await ask('how many in iraq and how long have they been there');
    expect(answered(await ask('when did it start'))).toEqual(['us-presence-began-2003-invasion']);
    // Read as the strikes, "died in them" would be the deaths in Jordan: not what the entry gives.
    await ask('how many militia strikes since oct 7');
    expect((await ask('how many us troops died in them')).kind).not.toBe('answer');
  });

  it('GIVEN a question naming someone quoted THEN their quotes on the topic, as for "she"', async () => {
    const { ask } = await conversation();
    // Her quotes on the talks, each attributed, with no answer about her before.
    expect(answered(await ask('what did slim say about the talks?'))).toEqual([
      'slim-transition-mission-quote',
      'jordan-attack-made-talks-harder',
      'slim-complicating-factor-quote',
    ]);
    // Quoted more than twice and no topic: a choice of her quotes, not "who is she?".
    const all = await ask('what did randa slim say');
    expect(all.kind).toBe('clarify');
    if (all.kind === 'clarify')
      expect(all.suggestions.map((s) => s.entry)).not.toContain('who-is-randa-slim');
    // Nothing she said is on the topic: read as it stands, and not answered.
    expect((await ask('what did slim say about the weather')).kind).not.toBe('answer');
    // Asked without a verb (article dev set: a clarification at 0.55).
    expect(answered(await ask("randa slim's comments on transitioning the mission"))).toEqual([
      'slim-transition-mission-quote',
    ]);
    expect((await ask("slim's opinion on the weather")).kind).not.toBe('answer');
  });

  it('GIVEN "who is randa slim?" THEN "where does she work?" and "what did she say about the talks?" resolve "she"', async () => {
    const { ask } = await conversation();
    await ask('who is randa slim?');
    expect(answered(await ask('where does she work?'))).toEqual(['who-is-randa-slim']);
    // Every quote of hers on the talks, each attributed, and never somebody else's.
    const said = await ask('what did she say about the talks?');
    expect(answered(said)).toEqual([
      'slim-transition-mission-quote',
      'jordan-attack-made-talks-harder',
      'slim-complicating-factor-quote',
    ]);
    // Nothing she said is about the weather: not answered from her quotes.
    await ask('who is randa slim?');
    expect((await ask('what did she say about the weather?')).kind).not.toBe('answer');
  });

  it('GIVEN answers about two people THEN "which one …?" picks the one whose entry gives it, and only then', async () => {
    const { ask } = await conversation();
    await ask('who is randa slim and who is sabrina singh');
    expect(answered(await ask('which one works at the middle east institute'))).toEqual([
      'who-is-randa-slim',
    ]);
    await ask('who is randa slim and who is sabrina singh');
    expect(answered(await ask('which one is the deputy press secretary'))).toEqual([
      'who-is-sabrina-singh',
    ]);
    await ask('who is randa slim and who is sabrina singh');
    expect((await ask('which one likes pizza')).kind).not.toBe('answer');
  });

  it('GIVEN "who is sabrina singh and what did she say …" THEN the second part resolves "she" to her quotes, each a part', async () => {
    const { ask } = await conversation();
    expect(answered(await ask('who is sabrina singh and what did she say about oct 7'))).toEqual([
      'who-is-sabrina-singh',
      'singh-delay-quote',
    ]);
    expect(answered(await ask('who is sabrina singh and what did she say'))).toEqual([
      'who-is-sabrina-singh',
      'singh-delay-quote',
      'singh-commitment-quote',
    ]);
  });

  it('GIVEN a follow-up only clarified THEN the one suggestion the last answer links to answers it, if it gives what is asked', async () => {
    const { ask } = await conversation();
    await ask('when did the gaza war start');
    expect(answered(await ask('how did it affect the talks'))).toEqual([
      'gaza-war-complicated-talks',
    ]);
    await ask('when did the gaza war start');
    expect((await ask('how many were killed in it')).kind).not.toBe('answer');
  });

  it('GIVEN what outside testers found THEN "that attack" after a decline, "how many injured?" after Jordan, and reversed hosts are not answered', async () => {
    const { ask } = await conversation();
    await ask('what happened in 2020?');
    expect((await ask('how many were killed in that attack?')).kind).not.toBe('answer');
    await ask('how many soldiers were killed in jordan?');
    expect((await ask('how many injured?')).kind).not.toBe('answer');
    // Asked with its own subject, the same fact is answered in the same conversation.
    expect(answered(await ask('how many were injured in the 2020 attack in iraq?'))).toEqual([
      'attack-2020-injuries',
    ]);
    expect((await ask('how many troops does kuwait have in the us?')).kind).not.toBe('answer');
    // The troop count of another year is not the injuries of that year's attack.
    expect((await ask('how many us troops were in iraq in 2020?')).kind).not.toBe('answer');
    expect(answered(await ask('how many us troops were injured in iraq in 2020?'))).toEqual([
      'attack-2020-injuries',
    ]);
  });

  it('GIVEN the country with the most troops THEN "and after that?" and "and the next one?" follow the article\'s order', async () => {
    const { ask } = await conversation();
    await ask('which country hosts the most US troops?');
    expect(answered(await ask('and after that?'))).toEqual(['us-troops-qatar']);
    expect(answered(await ask('and the next one?'))).toEqual(['us-troops-bahrain']);
    const past = await ask('and the next one?');
    expect(past.kind).toBe('decline');
  });

  it('GIVEN the injuries of 2020 THEN "and how many were killed?" is declined, never the injuries again', async () => {
    const { ask } = await conversation();
    await ask('how many troops were hurt in the 2020 attack?');
    const killed = await ask('and how many were killed?');
    expect(answered(killed)).toEqual([]);
    expect(killed.text).not.toContain('injured');
    expect(answered(await ask('and in 2015?'))).toEqual([]);
  });

  it('GIVEN a declined question THEN a short follow-up never reaches an older answer', async () => {
    const { ask } = await conversation();
    await ask('How many U.S. troops are in Kuwait?');
    expect((await ask('how many us troops are in germany')).kind).toBe('decline');
    expect(answered(await ask('and qatar?'))).toEqual([]);
    expect(answered(await ask('who said that?'))).toEqual([]);
  });

  it('GIVEN a middling candidate THEN the decline names the closest entries; with nothing near, the examples', async () => {
    const { ask } = await conversation();
    const near = await ask('what happened in jordan');
    expect(near).toMatchObject({ kind: 'decline' });
    expect(near.text).toBe("I don't have an answer to exactly that. The closest I know:");
    if (near.kind === 'decline')
      expect(near.suggestions.map((s) => s.entry).some((id) => id.startsWith('jordan-'))).toBe(
        true,
      );
    const far = await ask('Give me a recipe for hummus.');
    expect(far.text).toContain("I don't know: my knowledge doesn't cover that.");
  });

  it('GIVEN a year the article never gives THEN declined, offering the figure it has, never answering with it', async () => {
    const { ask } = await conversation();
    for (const [question, entry] of [
      ['troops in iraq 2024?? 🤔', 'us-troops-iraq'],
      ['how many us troops in kuwait in 2019', 'us-troops-kuwait'],
    ] as const) {
      const reply = await ask(question);
      expect(reply).toMatchObject({ kind: 'decline' });
      if (reply.kind === 'decline') expect(reply.suggestions.map((s) => s.entry)[0]).toBe(entry);
    }
  });

  it('GIVEN a bare number with no list pending THEN help, not an answer', async () => {
    const { ask } = await conversation();
    const reply = await ask('2');
    expect(reply).toMatchObject({ kind: 'decline', reason: 'empty' });
    expect(answered(reply)).toEqual([]);
  });

  it('GIVEN questions about the knowledge itself THEN answers come from its metadata', async () => {
    const { ask } = await conversation();
    const kb = await shippedKnowledgeBase();
    const [source] = kb.knowledge.sources;
    const about = await ask('what is this about');
    expect(about).toMatchObject({ kind: 'answer', entry: { entry: 'meta.topic' } });
    expect(about.text).toContain(source?.title ?? '');
    expect((await ask("what's your source")).text).toContain(source?.publication ?? '');
    const speakers = [...new Set(kb.knowledge.entries.map((e) => e.speaker))].filter(Boolean);
    const quoted = await ask('who is quoted');
    for (const speaker of speakers) expect(quoted.text).toContain(speaker);
    const said = await ask('who said "as long as the war in gaza continues"');
    expect(said).toMatchObject({ entry: { entry: 'slim-attacks-will-continue-quote' } });
    expect(said.text).toContain('Randa Slim');
    expect(answered(await ask('who is she'))).toEqual(['who-is-randa-slim']);
  });
});
