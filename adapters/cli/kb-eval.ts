import {
  askThrough,
  type EvaluationReport,
  evaluateQuestions,
  isConversationSetFile,
  readQuestionSet,
  type Tally,
} from '../../src/index.js';
import type { AssembledCore } from '../assemble.js';
import { kbEvalConversations } from './kb-eval-conversations.js';

/**
 * `npm run kb -- eval SET`: scores a development question set against a knowledge file through
 * the real bot core, each question in a fresh conversation. Exit status 0 unless something
 * could not be read; the figures are for people and CI thresholds, not a pass/fail verdict.
 */

export interface EvalOptions {
  readonly knowledge?: string | undefined;
  readonly json?: boolean | undefined;
}

/**
 * Builds the core `npm start` would run, on the given knowledge, with a private memory store:
 * an evaluation reads and writes no state of the bot's.
 */
export type OpenCore = (knowledgePath: string) => Promise<AssembledCore>;

export async function kbEval(
  setPath: string | undefined,
  options: EvalOptions,
  open: OpenCore,
): Promise<number> {
  if (setPath === undefined) {
    process.stderr.write('Usage: npm run kb -- eval SET [--knowledge PATH] [--json]\n');
    return 2;
  }
  if (isConversationSetFile(setPath)) return kbEvalConversations(setPath, options, open);
  const set = await readQuestionSet(setPath);
  const knowledgePath = options.knowledge ?? set.knowledgePath;
  const core = await open(knowledgePath);
  const report = await evaluateQuestions(
    core.knowledge.current(),
    set.questions,
    askThrough(core.bot),
  ).finally(() => core.close());
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ set: setPath, knowledge: knowledgePath, ...report })}\n`,
    );
  } else {
    process.stdout.write(formatReport(setPath, knowledgePath, report));
  }
  return 0;
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '-');

function row(name: string, t: Tally): string {
  const cell = (n: number) => `${String(n).padStart(4)} ${pct(n, t.questions).padStart(6)}`;
  return [
    name.padEnd(12),
    String(t.questions).padStart(5),
    cell(t.answeredRight),
    cell(t.clarifiedOpen),
    cell(t.clarifiedRight),
    cell(t.declined),
    cell(t.answeredWrong),
  ].join('  ');
}

export function formatReport(setPath: string, knowledgePath: string, r: EvaluationReport): string {
  const lines = [
    `Question set ${setPath} against ${knowledgePath}`,
    '',
    `${'style'.padEnd(12)}  ${'n'.padStart(5)}  ${'ans-right'.padStart(11)}  ${'clar-open'.padStart(11)}  ${'clar-right'.padStart(11)}  ${'declined'.padStart(11)}  ${'ans-wrong'.padStart(11)}`,
  ];
  for (const [style, t] of Object.entries(r.styles)) lines.push(row(style, t));
  lines.push(row('in scope', r.inScope), row('to decline', r.nearMiss), '');
  lines.push(
    `In scope: ${pct(r.inScope.answeredRight, r.inScope.questions)} answered right, ${pct(r.rightRate, 1)} right (answered, or clarified where the question leaves the slot open), ${pct(r.answeredOrClarifiedRate, 1)} answered or clarified right, ${r.inScope.answeredWrong} answered wrong; questions to decline that were answered: ${r.nearMissesAnswered}`,
  );
  const points = r.riskCoverage.map(
    (p) =>
      `≤${(p.budget * 100).toFixed(0)}% wrong: ${pct(p.coverage, 1)}${Number.isFinite(p.threshold) ? ` (answer ≥ ${p.threshold.toFixed(3)})` : ''}`,
  );
  lines.push(`Risk–coverage (in-scope answered right): ${points.join('; ')}`, '');
  const misses = r.results.filter((x) => x.outcome !== 'answered-right' && !x.correct);
  if (misses.length > 0) lines.push('Not right:');
  for (const x of misses)
    lines.push(
      `  [${x.style}] "${x.q}" → ${x.outcome}${x.answered ? ` ${x.answered}` : ''} (${x.confidence.toFixed(2)}), expected ${String(x.expect)}`,
    );
  const clarified = r.results.filter((x) => x.outcome === 'clarified-right');
  if (clarified.length > 0) lines.push('Clarified (right entry offered):');
  for (const x of clarified)
    lines.push(
      `  [${x.style}] "${x.q}" (${x.confidence.toFixed(2)}), expected ${String(x.expect)}`,
    );
  return `${lines.join('\n')}\n`;
}
