import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Bot, Query, Reply } from '../../src/index.js';
import { renderPlainText } from '../../src/index.js';
import { assembleCore } from '../assemble.js';
import {
  type CoreConfig,
  DEFAULT_KNOWLEDGE_PATH,
  DEFAULT_TRAINING_CACHE_DIR,
  readCoreConfig,
} from '../config.js';
import { createLogger, secretValues } from '../create-logger.js';
import { findLookalikes } from '../known-variables.js';
import { readEnv } from '../read-env.js';
import { createMemoryStore } from '../store/memory-store.js';
import { toAskJson } from './ask-json.js';
import { parseOrExplain, runCli } from './run-cli.js';

const USAGE = `Usage: npm run -s ask -- [--json] [--explain] [--knowledge PATH] [--no-cache] ["question"]

Prints the bot's reply to the question. Without a question, answers one question per line of
standard input.
  --json            one JSON object per reply: {question, answered, answer, entry, confidence, suggestions}
  --explain         also show the matched phrasing, the confidence and the runner-up
  --knowledge PATH  a knowledge .yaml file or folder (default: KNOWLEDGE_PATH or ${DEFAULT_KNOWLEDGE_PATH})
  --no-cache        train from scratch, ignoring the calibration kept in TRAINING_CACHE_DIR
                    (default ${DEFAULT_TRAINING_CACHE_DIR})

Reads .env and the same variables as npm start.
  --help            this text`;

function formatExplanation(reply: Reply): string {
  const e = reply.explanation;
  if (!e) return 'Why: chosen directly, no matching involved.';
  const lines = [
    `Why: normalised as "${e.normalized}"`,
    `  matched phrasing: ${e.matchedPhrasing === undefined ? '(none)' : `"${e.matchedPhrasing}"`}`,
    `  confidence: ${e.confidence.toFixed(3)} (answer at ≥ ${(e.explainedAt ?? e.thresholds.answer).toFixed(3)}, clarify at ≥ ${e.thresholds.clarify.toFixed(3)})`,
  ];
  if (e.explainedAt !== undefined)
    lines.push(
      '  every word of the question is one the matched entry uses: the lower cut-off applies',
    );
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
  const env = readEnv();
  const shared = readCoreConfig(env);
  const config: CoreConfig = {
    ...shared,
    knowledgePath: args.values.knowledge ?? shared.knowledgePath,
    // Training is most of a cold start; an unchanged file reuses its stored calibration.
    trainingCacheDir: args.values['no-cache'] ? undefined : shared.trainingCacheDir,
    // One command on a terminal serves no /healthz or /metrics, whatever METRICS_PORT says.
    ops: undefined,
  };
  const logger = createLogger(config.logLevel ?? 'warn', { secrets: secretValues(env) });
  const core = await assembleCore(config, {
    logger,
    lookalikes: findLookalikes(env),
    // `ask` is one conversation on this terminal: kept in memory, it stays out of the files and
    // servers the running bot shares with its users, and ends with the command.
    store: createMemoryStore(),
  });
  try {
    await answerAll(core.bot, args.positionals.join(' '), args.values);
  } finally {
    await core.close();
  }
  return 0;
}

/** The question on the command line, or one per line of standard input. */
async function answerAll(
  bot: Bot,
  question: string,
  options: { readonly json?: boolean; readonly explain?: boolean },
): Promise<void> {
  const json = options.json ?? false;
  const explain = options.explain ?? false;
  if (question.trim() !== '') {
    await answer(bot, question, json, explain);
    return;
  }
  for await (const line of createInterface({ input: process.stdin, terminal: false })) {
    if (line.trim() === '' && json) continue;
    await answer(bot, line, json, explain);
  }
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
