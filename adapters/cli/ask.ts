import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createBot } from '../../src/bot.js';
import type { Bot } from '../../src/bot-types.js';
import { createStateStore } from '../../src/index.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { createKnowledgeBase } from '../../src/knowledge-base.js';
import type { Query } from '../../src/query.js';
import { renderPlainText } from '../../src/render-plain-text.js';
import type { Reply } from '../../src/reply.js';
import { DEFAULT_KNOWLEDGE_PATH, DEFAULT_TRAINING_CACHE_DIR } from '../config.js';
import { createLogger } from '../create-logger.js';
import { createFileTrainingCache } from '../store/file-training-cache.js';
import { createMemoryStore } from '../store/memory-store.js';
import { toAskJson } from './ask-json.js';
import { parseOrExplain, runCli } from './run-cli.js';

const USAGE = `Usage: npm run -s ask -- [--json] [--explain] [--knowledge PATH] [--no-cache] ["question"]

Prints the bot's reply to the question. Without a question, answers one question per line of
standard input.
  --json            one JSON object per reply: {question, answered, answer, entry, confidence, suggestions}
  --explain         also show the matched phrasing, the confidence and the runner-up
  --knowledge PATH  a knowledge .yaml file or folder (default: ${DEFAULT_KNOWLEDGE_PATH})
  --no-cache        train from scratch, ignoring the calibration kept in ${DEFAULT_TRAINING_CACHE_DIR}
  --help            this text`;

function formatExplanation(reply: Reply): string {
  const e = reply.explanation;
  if (!e) return 'Why: chosen directly, no matching involved.';
  const lines = [
    `Why: normalised as "${e.normalized}"`,
    `  matched phrasing: ${e.matchedPhrasing === undefined ? '(none)' : `"${e.matchedPhrasing}"`}`,
    `  confidence: ${e.confidence.toFixed(3)} (answer at ≥ ${e.thresholds.answer.toFixed(3)}, clarify at ≥ ${e.thresholds.clarify.toFixed(3)})`,
  ];
  if (e.runnerUp)
    lines.push(`  runner-up: ${e.runnerUp.entry} (${e.runnerUp.confidence.toFixed(3)})`);
  return lines.join('\n');
}

async function main(): Promise<number> {
  const args = parseOrExplain(parse, USAGE);
  if (args === undefined) return 2;
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const logger = createLogger('warn');
  const knowledge = await loadKnowledge(args.values.knowledge ?? DEFAULT_KNOWLEDGE_PATH);
  // Training is most of a cold start; an unchanged file reuses its calibration from `data/`.
  const trainingCache = args.values['no-cache']
    ? undefined
    : createFileTrainingCache({ dir: DEFAULT_TRAINING_CACHE_DIR, logger });
  const kb = createKnowledgeBase(knowledge, trainingCache ? { trainingCache } : {});
  // `ask` is one-shot: an in-memory store keeps conversations out of files and servers.
  const bot = createBot({
    knowledge: kb,
    store: createStateStore(createMemoryStore(), logger),
    logger,
  });
  const json = args.values.json ?? false;
  const explain = args.values.explain ?? false;

  const question = args.positionals.join(' ');
  if (question.trim() !== '') {
    await answer(bot, question, json, explain);
    return 0;
  }
  for await (const line of createInterface({ input: process.stdin, terminal: false })) {
    if (line.trim() === '' && json) continue;
    await answer(bot, line, json, explain);
  }
  return 0;
}

async function answer(bot: Bot, question: string, json: boolean, explain: boolean): Promise<void> {
  const query: Query = { text: question, platform: 'cli', user: 'cli', conversation: 'cli' };
  const reply = await bot.handle(query);
  if (json) {
    process.stdout.write(`${JSON.stringify(toAskJson(question, reply, explain))}\n`);
    return;
  }
  process.stdout.write(`${renderPlainText(reply)}\n`);
  if (explain) process.stdout.write(`${formatExplanation(reply)}\n`);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      knowledge: { type: 'string' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

runCli('ask', main);
