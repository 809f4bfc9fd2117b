import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addPhrasing } from '../../../src/knowledge/add-phrasing.js';

const FILE = `# Curated by hand: keep this comment.
version: 1
entries:
  # --- first entry ---
  - id: alpha
    questions:
      - What is alpha?   # the canonical one
      - "alpha?"
      - >-
        a long folded
        question about alpha
    answer: >-
      Alpha is
      the first.
  - id: beta
    questions: [What is beta?, beta?]
    answer: Beta.
`;

describe('addPhrasing', () => {
  it('GIVEN a block list THEN appends one line and leaves every other byte as it was', () => {
    const updated = addPhrasing(FILE, 'alpha', 'whats alpha');
    expect(updated).toBe(
      FILE.replace(
        '        question about alpha\n',
        '        question about alpha\n      - whats alpha\n',
      ),
    );
  });

  it('GIVEN a flow list THEN appends inside the brackets', () => {
    const updated = addPhrasing(FILE, 'beta', 'tell me about beta');
    expect(updated).toContain('questions: [What is beta?, beta?, tell me about beta]');
    expect(updated?.startsWith('# Curated by hand: keep this comment.')).toBe(true);
  });

  it('GIVEN text that needs quoting THEN quotes it so the file stays valid', () => {
    const updated = addPhrasing(FILE, 'alpha', "alpha: what's that? #1") ?? '';
    const entries = (parse(updated) as { entries: { questions: string[] }[] }).entries;
    expect(entries[0]?.questions.at(-1)).toBe("alpha: what's that? #1");
  });

  it('GIVEN a question the entry already has THEN changes nothing', () => {
    expect(addPhrasing(FILE, 'alpha', '  ALPHA?  ')).toBe(FILE);
  });

  it('GIVEN an unknown entry THEN says so with undefined', () => {
    expect(addPhrasing(FILE, 'gamma', 'q')).toBeUndefined();
  });
});
