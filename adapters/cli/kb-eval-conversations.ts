import {
  askInConversations,
  type ConversationReport,
  type ConversationTally,
  evaluateConversations,
  readConversationSet,
} from '../../src/index.js';
import type { EvalOptions, OpenCore } from './kb-eval.js';

/**
 * `npm run kb -- eval SET-conversations.yaml`: every conversation asked in order through the real
 * bot core, in a fresh conversation context each; a table per style and the turns not right.
 */
export async function kbEvalConversations(
  setPath: string,
  options: EvalOptions,
  open: OpenCore,
): Promise<number> {
  const set = await readConversationSet(setPath);
  const knowledgePath = options.knowledge ?? set.knowledgePath;
  const core = await open(knowledgePath);
  const report = await evaluateConversations(
    set.conversations,
    askInConversations(core.bot),
  ).finally(() => core.close());
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ set: setPath, knowledge: knowledgePath, ...report })}\n`,
    );
  } else {
    process.stdout.write(formatConversationReport(setPath, knowledgePath, report));
  }
  return 0;
}

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '-');

function row(name: string, t: ConversationTally): string {
  const cell = (n: number, of: number) => `${String(n).padStart(3)} ${pct(n, of).padStart(6)}`;
  return [
    name.padEnd(14),
    String(t.turns).padStart(5),
    String(t.answerable).padStart(10),
    cell(t.answeredRight, t.answerable),
    cell(t.clarifiedRight, t.answerable),
    cell(t.declined, t.answerable),
    String(t.answeredWrong).padStart(9),
    `${t.mustDeclineDeclined}/${t.mustDecline}`.padStart(12),
  ].join('  ');
}

export function formatConversationReport(
  setPath: string,
  knowledgePath: string,
  r: ConversationReport,
): string {
  const header = [
    'style'.padEnd(14),
    'turns'.padStart(5),
    'answerable'.padStart(10),
    'ans-right'.padStart(10),
    'clar-right'.padStart(10),
    'declined'.padStart(10),
    'ans-wrong'.padStart(9),
    'must-decline'.padStart(12),
  ].join('  ');
  const lines = [`Conversation set ${setPath} against ${knowledgePath}`, '', header];
  for (const [style, t] of Object.entries(r.styles)) lines.push(row(style, t));
  lines.push(row('total', r.total), '');
  const t = r.total;
  lines.push(
    `Answerable turns answered right: ${pct(t.answeredRight, t.answerable)} (${t.answeredRight}/${t.answerable}); answered wrong: ${t.answeredWrong}; must-decline turns declined: ${t.mustDeclineDeclined}/${t.mustDecline}`,
  );
  const misses = r.results.filter(
    (x) => !(x.outcome === 'answered-right' || (x.mustDecline && x.correct)),
  );
  if (misses.length > 0) lines.push('', 'Not answered right:');
  for (const x of misses)
    lines.push(
      `  [${x.style} #${x.conversation + 1}] "${x.say}" → ${x.outcome}${x.answered.length > 0 ? ` ${x.answered.join(' + ')}` : ''}, expected ${x.expected}`,
    );
  return `${lines.join('\n')}\n`;
}
