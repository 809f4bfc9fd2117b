import type { Candidate } from '../matcher/matcher.js';
import { roundConfidence } from '../reply/round-confidence.js';
import type { Reply } from '../reply.js';
import type { CurationLog } from './curation-log.js';

/**
 * Logs a question the knowledge did not answer outright, with the entries it came closest to,
 * so `kb review` can turn it into a phrasing. Only matched questions count: a reply with no
 * explanation (a numbered pick, a follow-up) says nothing about the knowledge's gaps.
 */
export async function recordUnanswered(
  curation: CurationLog,
  question: string,
  reply: Reply,
  candidates: readonly Candidate[],
  maxSuggestions: number,
): Promise<void> {
  if (reply.kind === 'answer' || !reply.explanation) return;
  await curation.recordUnanswered({
    normalized: reply.explanation.normalized,
    text: question,
    outcome: reply.kind === 'clarify' ? 'clarify' : 'decline',
    nearest: candidates
      .slice(0, maxSuggestions)
      .map(({ entry, confidence }) => ({ entry, confidence: roundConfidence(confidence) })),
  });
}
