import { clearLine, createInterface, cursorTo, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot, Logger, QueryContext, Reply } from '../../src/index.js';
import type { Adapter } from '../adapter.js';
import { consoleLookOf, renderConsoleReply, renderConsoleText } from './console-look.js';
import type { PromptKeeper } from './prompt-keeper.js';

export interface ConsoleConfig {
  readonly input: Readable;
  readonly output: Writable;
  /** A terminal gets a prompt and commands; piped input gets one reply per line, then the adapter ends. */
  readonly interactive: boolean;
  /** Colour on a terminal output; the composition root decides it (NO_COLOR, TERM). */
  readonly color?: boolean;
}

export interface ConsoleAdapter extends Adapter {
  /** Resolves when the input ends or the user types /quit. */
  readonly done: Promise<void>;
}

const CONTEXT: QueryContext = { platform: 'console', user: 'local', conversation: 'console' };
const INTRO =
  'Ask a question. /help for examples, /good or /bad to rate the last answer, /quit to leave.';

/** A chat in the terminal: the simplest adapter, and the one `npm start` opens with no credentials. */
export function createConsoleAdapter(
  config: ConsoleConfig,
  deps: { readonly bot: Bot; readonly logger: Logger; readonly prompt?: PromptKeeper },
): ConsoleAdapter {
  const { bot, logger } = deps;
  let rl: Interface | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const look = () => consoleLookOf(config.output, config.color ?? false);
  const write = (text: string, after: readonly string[] = []) =>
    config.output.write(`${renderConsoleText(text, after, look())}\n`);
  const show = (reply: Reply) => config.output.write(`${renderConsoleReply(reply, look())}\n`);
  const onLine = createLineHandler(bot, config.interactive, { show, write });

  async function run(): Promise<void> {
    const reader = createInterface({
      input: config.input,
      output: config.output,
      terminal: config.interactive,
    });
    rl = reader;
    const prompt = () => {
      reader.prompt();
      deps.prompt?.showing({
        clear: () => {
          clearLine(config.output, 0);
          cursorTo(config.output, 0);
        },
        redraw: () => reader.prompt(true),
      });
    };
    reader.on('line', () => deps.prompt?.showing(undefined));
    if (config.interactive) {
      write(INTRO);
      reader.setPrompt('> ');
      prompt();
    }
    try {
      for await (const line of reader) {
        try {
          if ((await onLine(line)) === 'quit') break;
        } catch (error) {
          // One bad question must not end the chat.
          logger.error({ err: error }, 'console: question failed');
          write('Sorry, something went wrong answering that. Please try again.');
        }
        if (config.interactive) prompt();
      }
    } finally {
      deps.prompt?.showing(undefined);
      reader.close();
      finish();
    }
  }

  return {
    name: 'console',
    done,
    start: async () => {
      void run();
    },
    stop: async () => {
      if (rl === undefined) finish();
      rl?.close();
      await done;
    },
  };
}

interface ConsoleView {
  show(reply: Reply): void;
  write(text: string, after?: readonly string[]): void;
}

/** One line typed at the prompt: a question, or one of the chat's slash commands. */
function createLineHandler(bot: Bot, interactive: boolean, view: ConsoleView) {
  let lastAnswered: string | undefined;
  const ask = async (text: string) => {
    const reply = await bot.handle({ ...CONTEXT, text });
    if (reply.kind === 'answer' && reply.entryKind === 'fact') lastAnswered = reply.entry.entry;
    view.show(reply);
  };
  const rate = async (rating: 'up' | 'down') => {
    if (lastAnswered === undefined) {
      view.write('There is no answer to rate yet.');
      return;
    }
    const feedback = await bot.feedback(CONTEXT, lastAnswered, rating);
    view.write(
      feedback.text,
      feedback.suggestions.map((s, i) => `${i + 1}. ${s.question}`),
    );
  };

  return async function onLine(line: string): Promise<'quit' | undefined> {
    const text = line.trim();
    // Piped input is questions only, empty lines included (they get help), as scripts expect.
    if (!interactive) await ask(text);
    else if (text === '') return undefined;
    else if (['/quit', '/exit'].includes(text.toLowerCase())) return 'quit';
    else if (text.toLowerCase() === '/help') await ask('');
    else if (text.toLowerCase() === '/good') await rate('up');
    else if (text.toLowerCase() === '/bad') await rate('down');
    else await ask(text);
    return undefined;
  };
}
