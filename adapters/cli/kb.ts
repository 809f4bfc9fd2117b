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
import { parseOrExplain, runCli } from './run-cli.js';

const USAGE = `Usage: npm run kb -- <command> [options]

Commands:
  check                 validate the knowledge and evaluate it against itself: cross-validated
                        accuracy per entry, confused entries, duplicated phrasings, thresholds.
                        Exits 1 on errors; warnings do not fail.
  review                the most frequent unanswered questions and the worst-rated entries,
                        each with the entry it most likely belongs to (reads STORE_URL)
  review --accept N     add unanswered question N as a new phrasing of its likely entry
                        (or of --entry ID) in the knowledge file, keeping its formatting

Options:
  --knowledge PATH      knowledge file or folder (default: KNOWLEDGE_PATH or knowledge)
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
  if (command !== 'check' && command !== 'review') {
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
  const core = await assembleCore(config, {
    logger: createLogger(config.logLevel ?? 'warn', { secrets: secretValues(env) }),
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

function formatCheck(kb: KnowledgeBase, report: KnowledgeCheck): string {
  const lines = [
    `Knowledge: ${kb.knowledge.files.join(', ')} — ${report.entries.length} entries, ${kb.knowledge.offTopic.length} off-topic questions`,
  ];
  const { answer, clarify } = report.thresholds;
  lines.push(
    `Thresholds: answer ≥ ${answer.toFixed(3)} (${report.thresholdSource.answer}), clarify ≥ ${clarify.toFixed(3)} (${report.thresholdSource.clarify})`,
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
    process.stdout.write(`${JSON.stringify({ unanswered, worstRated: rated })}\n`);
    return 0;
  }
  const lines = [
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
      help: { type: 'boolean', short: 'h' },
    },
  });
}

runCli('kb', main);
