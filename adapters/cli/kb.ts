import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  addPhrasing,
  CURATION_MAX_ITEMS,
  type CurationLog,
  checkKnowledge,
  createCurationLog,
  createMatcher,
  defaultBotConfig,
  type KnowledgeBase,
  type KnowledgeCheck,
} from '../../src/index.js';
import { assembleCore } from '../assemble.js';
import { type CoreConfig, readCoreConfig } from '../config.js';
import { createLogger, secretValues } from '../create-logger.js';
import { findLookalikes } from '../known-variables.js';
import { readEnv } from '../read-env.js';
import { createMemoryStore } from '../store/memory-store.js';
import { kbEval } from './kb-eval.js';
import { runImport } from './kb-import.js';
import { runInit } from './kb-init.js';
import { parseOrExplain, runCli } from './run-cli.js';

const USAGE = `Usage: npm run kb -- <command> [options]

Commands:
  init FILE             write a commented starter knowledge file (two entries, every field
                        explained); never overwrites an existing file
  import FILE           turn a Markdown FAQ or a document (an article, plain text or Markdown)
                        into a knowledge file on standard output, ready to serve; its generated
                        entries say "review: generated" until a person has read them
  check                 validate the knowledge and evaluate it against itself: cross-validated
                        accuracy per entry, confused entries, duplicated phrasings, thresholds.
                        Exits 1 on errors; warnings do not fail.
  review                the most frequent unanswered questions and the worst-rated entries,
                        each with the entry it most likely belongs to (reads STORE_URL)
  review --accept N     add unanswered question N as a new phrasing of its likely entry
                        (or of --entry ID) in the knowledge file, keeping its formatting
  eval SET              score a development question set (test/golden/dev/*-questions.yaml) or
                        conversation set (*-conversations.yaml, turn by turn) through the bot

Options:
  --knowledge PATH      knowledge file or folder (default: KNOWLEDGE_PATH or knowledge)
  --format F            import: faq, document or auto (default: faq when it has question headings)
  --publication NAME    import: who the facts are credited to (default: the # title or file name)
  --out FILE            import: write FILE instead of standard output, with source.document set
  --limit N             rows to list in review (default 20)
  --json                machine-readable output

Reads .env and the same variables as npm start.`;

async function main(): Promise<number> {
  const parsed = parseOrExplain(parse, USAGE);
  if (parsed === undefined) return 2;
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  // init and import make knowledge rather than read it: they run before any is loaded.
  if (command === 'init') return runInit(positionals[1]);
  if (command === 'import') {
    const { format, publication, out } = values;
    return runImport({ file: positionals[1], format, publication, out });
  }
  if (!['check', 'review', 'eval'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
    return 2;
  }
  const env = readEnv();
  const shared = readCoreConfig(env);
  // The knowledge and store `npm start` serves: review --accept edits the file it answers from.
  const config: CoreConfig = {
    ...shared,
    knowledgePath: values.knowledge ?? shared.knowledgePath,
    ops: undefined,
  };
  const logger = createLogger(config.logLevel ?? 'warn', { secrets: secretValues(env) });
  if (command === 'eval') {
    // A set names its own knowledge file unless --knowledge is given.
    const open = (knowledgePath: string) =>
      assembleCore({ ...config, knowledgePath }, { logger, store: createMemoryStore() });
    return kbEval(positionals[1], values, open);
  }
  const core = await assembleCore(config, {
    logger,
    lookalikes: findLookalikes(env),
    // `check` reads no state: a private memory store leaves the bot's SQLite file or Redis alone.
    ...(command === 'check' && { store: createMemoryStore() }),
  });
  try {
    const kb = core.knowledge.current();
    if (command === 'check') return check(kb, values.json ?? false);
    const log = createCurationLog(
      core.store,
      {
        retentionMs: config.bot.retentionMs ?? defaultBotConfig.retentionMs,
        maxItems: CURATION_MAX_ITEMS,
      },
      Date.now,
    );
    if (values.accept !== undefined) return await accept(kb, log, values.accept, values.entry);
    return await review(kb, log, Number(values.limit ?? 20), values.json ?? false);
  } finally {
    await core.close();
  }
}

function check(kb: KnowledgeBase, json: boolean): number {
  const report = checkKnowledge(kb, createMatcher);
  const errors = report.problems.filter((p) => p.level === 'error');
  if (json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return errors.length > 0 ? 1 : 0;
  }
  process.stdout.write(formatCheck(kb, report));
  return errors.length > 0 ? 1 : 0;
}

const percentOf = (share: number) => `${(share * 100).toFixed(1)}%`;

function formatCheck(kb: KnowledgeBase, report: KnowledgeCheck): string {
  const lines = [
    `Knowledge: ${kb.knowledge.files.join(', ')} — ${report.entries.length} entries, ${kb.knowledge.offTopic.length} off-topic questions`,
  ];
  const { answer, clarify, answerExplained = answer } = report.thresholds;
  lines.push(
    `Thresholds: answer ≥ ${answer.toFixed(3)} (${report.thresholdSource.answer}), clarify ≥ ${clarify.toFixed(3)} (${report.thresholdSource.clarify})`,
    `  a question whose every word the entry uses: answer ≥ ${answerExplained.toFixed(3)}`,
    '',
  );
  const p = report.predicted;
  lines.push(
    `Predicted at these thresholds (held-out phrasings): ${percentOf(p.answeredRight)} answered right, ${percentOf(p.answeredWrong)} answered wrong, ${percentOf(p.clarifiedRight)} clarified with the right entry, ${percentOf(p.declined)} declined`,
    '',
  );
  lines.push('Cross-validated accuracy (each phrasing held out, does it still reach its entry?):');
  const width = Math.max(...report.entries.map((e) => e.id.length));
  for (const e of [...report.entries].sort((a, b) => a.accuracy - b.accuracy)) {
    lines.push(
      `  ${e.id.padEnd(width)}  ${`${Math.round(e.accuracy * 100)}%`.padStart(4)}  (${e.reached}/${e.phrasings} phrasings)`,
    );
  }
  const mean =
    report.entries.reduce((sum, e) => sum + e.accuracy, 0) / Math.max(1, report.entries.length);
  lines.push(`  mean ${Math.round(mean * 1000) / 10}%`, '');
  const errors = report.problems.filter((p) => p.level === 'error');
  const warnings = report.problems.filter((p) => p.level === 'warning');
  for (const p of errors) lines.push(`error: ${p.message}`);
  for (const p of warnings) lines.push(`warning: ${p.message}`);
  lines.push(`${errors.length} error(s), ${warnings.length} warning(s)`);
  return `${lines.join('\n')}\n`;
}

async function review(
  kb: KnowledgeBase,
  log: CurationLog,
  limit: number,
  json: boolean,
): Promise<number> {
  const unanswered = (await log.unanswered()).slice(0, limit);
  const rated = (await log.feedback()).filter((f) => f.down > 0).slice(0, limit);
  const question = (id: string | undefined) =>
    id === undefined
      ? '(none)'
      : (kb.entries.get(id)?.questions[0] ?? `${id} (no longer in the knowledge)`);
  if (json) {
    const generated = kb.knowledge.entries.filter((e) => e.review === 'generated').map((e) => e.id);
    process.stdout.write(`${JSON.stringify({ generated, unanswered, worstRated: rated })}\n`);
    return 0;
  }
  const lines = [
    ...generatedEntries(kb),
    'Most frequent unanswered questions (accept with: npm run kb -- review --accept N):',
  ];
  if (unanswered.length === 0) lines.push('  none recorded');
  unanswered.forEach((u, i) => {
    const nearest = u.nearest[0];
    lines.push(
      `  ${i + 1}. "${u.text}" ×${u.count} (${u.outcome}, last ${new Date(u.lastSeen).toISOString()})`,
    );
    lines.push(
      `     likely: ${nearest ? `${nearest.entry} (${nearest.confidence.toFixed(2)}) "${question(nearest.entry)}"` : 'no entry is close'}`,
    );
  });
  lines.push('', 'Worst-rated entries:');
  if (rated.length === 0) lines.push('  none rated down');
  for (const f of rated) {
    lines.push(`  ${f.entry}: 👎 ${f.down} 👍 ${f.up} "${question(f.entry)}"`);
    for (const r of f.recent
      .filter((x) => x.rating === 'down' && x.question !== undefined)
      .slice(-3)) {
      const best = kb.matcher
        .match(r.question ?? '', 3)
        .candidates.find((c) => c.entry !== f.entry);
      lines.push(
        `     👎 "${r.question}" → likely ${best ? `${best.entry} (${best.confidence.toFixed(2)})` : 'no other entry'}`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** Entries `kb import` generated, first in the review: nobody has read their phrasings yet. */
function generatedEntries(kb: KnowledgeBase): string[] {
  const generated = kb.knowledge.entries.filter((e) => e.review === 'generated');
  if (generated.length === 0) return [];
  return [
    'Generated by kb import, not yet reviewed (read each, then remove its "review: generated" line):',
    ...generated.map(
      (e) => `  ${e.origin ? `${e.origin.file}:${e.origin.line} ` : ''}${e.id} "${e.questions[0]}"`,
    ),
    '',
  ];
}

async function accept(
  kb: KnowledgeBase,
  log: CurationLog,
  n: string,
  entryOverride: string | undefined,
): Promise<number> {
  const unanswered = await log.unanswered();
  const item = unanswered[Number(n) - 1];
  if (!item) {
    process.stderr.write(
      `No unanswered question number ${n}; run "npm run kb -- review" to see the list.\n`,
    );
    return 2;
  }
  const target = entryOverride ?? item.nearest[0]?.entry;
  const entry = target === undefined ? undefined : kb.entries.get(target);
  if (entry?.kind !== 'fact' || !entry.origin) {
    process.stderr.write(
      `"${item.text}" has no likely entry${target ? ` ("${target}" is not a curated entry)` : ''}; name one with --entry ID.\n`,
    );
    return 2;
  }
  const text = await readFile(entry.origin.file, 'utf8');
  const updated = addPhrasing(text, entry.id, item.text);
  if (updated === undefined) {
    process.stderr.write(`Could not find entry "${entry.id}" in ${entry.origin.file}.\n`);
    return 1;
  }
  await writeFile(entry.origin.file, updated);
  await log.forgetUnanswered(item.normalized);
  process.stdout.write(
    `Added "${item.text}" to ${entry.id} in ${entry.origin.file}. A running bot reloads it by itself.\n`,
  );
  return 0;
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      knowledge: { type: 'string' },
      accept: { type: 'string' },
      entry: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      publication: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

runCli('kb', main);
