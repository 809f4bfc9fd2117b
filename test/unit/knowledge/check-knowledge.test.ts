import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../../src/knowledge/check-knowledge.js';
import { parseKnowledgeFile } from '../../../src/knowledge/parse-knowledge-file.js';
import { createKnowledgeBase } from '../../../src/knowledge-base.js';
import { createMatcher } from '../../../src/matcher/create-matcher.js';

const FIXTURE = readFileSync(new URL('../../fixtures/lighthouse-kb.yaml', import.meta.url), 'utf8');

function check(text: string) {
  return checkKnowledge(createKnowledgeBase(parseKnowledgeFile('light.yaml', text)), createMatcher);
}

describe('checkKnowledge', () => {
  it('GIVEN two entries with phrasings that read the same THEN quotes both as written, with their lines', () => {
    // "Towers' heights!" stems to the same words as "tower height" in the other entry.
    const text = FIXTURE.replace('      - who is the keeper\n', "      - Towers' heights!\n");
    const report = check(text);
    const shared = report.problems.filter((p) => p.message.includes('read the same'));
    expect(shared).toHaveLength(1);
    expect(shared[0]?.level).toBe('error');
    expect(shared[0]?.message).toBe(
      `"tower height" (entry "lighthouse-height", light.yaml:20) and "Towers' heights!" (entry "lighthouse-keeper", light.yaml:31) read the same to the matcher ("${report.duplicates[0]?.phrasing}"); keep the question in one entry`,
    );
    expect(report.duplicates[0]?.written.map((w) => w.line)).toEqual([20, 31]);
  });

  it('GIVEN an entry marked review: generated THEN lists it for review as a warning', () => {
    const text = FIXTURE.replace(
      '    source: The keeper is Ada Reyes.',
      '    source: The keeper is Ada Reyes.\n    review: generated',
    );
    const report = check(text);
    expect(report.toReview).toEqual([{ id: 'lighthouse-keeper', file: 'light.yaml', line: 23 }]);
    expect(report.problems).toContainEqual({
      level: 'warning',
      message: expect.stringContaining(
        'entry "lighthouse-keeper" (light.yaml:23) has generated phrasings',
      ),
    });
    expect(report.problems.filter((p) => p.level === 'error')).toEqual([]);
  });
});
