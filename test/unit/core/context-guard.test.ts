import { describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot.js';
import { loadKnowledge } from '../../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';
import { memoryStateStore } from '../../support/memory-state.js';
import { query } from '../../support/shipped-bot.js';

const HANDBOOK = new URL('../../golden/dev/handbook.yaml', import.meta.url).pathname;

describe('context guard after a turn that was not answered', () => {
  it('GIVEN the overtime rate, then a clarification THEN "who has to approve it?" is not answered from training', async () => {
    const bot = createBot({
      knowledge: createKnowledgeBase(await loadKnowledge(HANDBOOK)),
      store: memoryStateStore(),
    });
    const say = (text: string) => bot.handle(query(text, 'overtime'));
    expect(await say('overtime rate for office staff?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'office-overtime-rate' },
    });
    expect((await say('asdf')).kind).not.toBe('answer');
    // A blind tester got the training-approval answer here: "it" is the overtime.
    const approve = await say('who has to approve it?');
    expect(approve.kind).not.toBe('answer');
    // Naming the new topic moves the conversation to it.
    expect(await say('who approves training?')).toMatchObject({
      kind: 'answer',
      entry: { entry: 'training-approval' },
    });
  });
});
