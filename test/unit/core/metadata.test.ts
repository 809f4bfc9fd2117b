import { describe, expect, it } from 'vitest';
import { createMetadataAnswerer } from '../../../src/conversation/metadata.js';
import type { Knowledge } from '../../../src/knowledge/knowledge.js';
import { entry, knowledge } from './fixtures/scripted-kb.js';

const file: Knowledge = {
  ...knowledge,
  sources: [{ publication: 'Example News', title: 'Examples', url: 'https://example.com/a' }],
  entries: [
    entry('delay', {
      speaker: 'Ann Lee',
      passage: '"The talks were delayed, but we are still committed to the process," said Ann Lee.',
      answer: 'Ann Lee said: "The talks were delayed, but we are still committed to the process."',
    }),
    entry('shadow', {
      speaker: 'Bo Chan',
      passage: 'Bo Chan said the war is casting a long shadow over the region.',
    }),
    entry('plain'),
  ],
};
const metadata = createMetadataAnswerer(file);

describe('questions about the knowledge itself', () => {
  it.each([
    'what is this about',
    "What's this all about?",
    'what does the article cover',
    'hey whats this article about',
  ])('GIVEN "%s" THEN names the source title from the file', (text) => {
    expect(metadata.answer(text)).toMatchObject({ id: 'meta.topic' });
    expect(metadata.answer(text)?.text).toContain('Example News: "Examples"');
  });

  it.each([
    "what's your source",
    'whats ur source for that',
    'where do you get your information from',
    'what article is this from',
  ])('GIVEN "%s" THEN names the publication and its address', (text) => {
    expect(metadata.answer(text)?.text).toContain(
      'Example News: "Examples" (https://example.com/a)',
    );
  });

  it('GIVEN "who is quoted" THEN every speaker in the file, once', () => {
    expect(metadata.answer('who is quoted?')?.text).toBe(
      'Example News quotes Ann Lee and Bo Chan.',
    );
    expect(metadata.answer('Who are the people quoted in the article')?.id).toBe('meta.speakers');
    // Shorthand and a greeting around it are read as the matcher reads them.
    expect(metadata.answer('hi, who r the main ppl quoted')?.id).toBe('meta.speakers');
  });

  it('GIVEN who said a quote, in quotes or not THEN the speaker of the entry whose quote it is', () => {
    const said = metadata.answer("who said 'we're still committed to the process'");
    expect(said).toMatchObject({
      kind: 'quote',
      text: 'According to Example News, that was Ann Lee.',
    });
    expect(said?.entry?.id).toBe('delay');
    expect(metadata.answer('who said the war is casting a long shadow')?.entry?.id).toBe('shadow');
  });

  it('GIVEN "who said that?", an unknown quote or an ordinary question THEN no metadata answer', () => {
    expect(metadata.answer('who said that?')).toBeUndefined();
    expect(metadata.answer("who said 'the moon is made of cheese'")).toBeUndefined();
    expect(metadata.answer('what is the capital of Iraq')).toBeUndefined();
  });

  it('GIVEN a file without titles or speakers THEN those questions get no hand-written answer', () => {
    const bare = createMetadataAnswerer({ ...file, sources: [], entries: [entry('plain')] });
    expect(bare.answer('what is this about')).toBeUndefined();
    expect(bare.answer('who is quoted')).toBeUndefined();
    expect(bare.answer("what's your source")).toBeUndefined();
  });
});
