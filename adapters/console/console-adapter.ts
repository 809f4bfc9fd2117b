import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Bot, Logger, QueryContext, Reply } from '../../src/index.js';
import { renderPlainText } from '../../src/index.js';
import type { Adapter } from '../adapter.js';

export interface ConsoleConfig {
  readonly input: Readable;
  readonly output: Writable;
  /** A terminal gets a prompt and commands; piped input gets one reply per line, then the adapter ends. */
  readonly interactive: boolean;
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
  deps: { readonly bot: Bot; readonly logger: Logger },
): ConsoleAdapter {
  const { bot, logger } = deps;
  let rl: Interface | undefined;
  let lastAnswered: string | undefined;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });

  const write = (text: string) => config.output.write(`${text}\n`);
  const show = (reply: Reply) => {
    lastAnswered =
      reply.kind === 'answer' && reply.entryKind === 'fact' ? reply.entry.entry : lastAnswered;
    write(renderPlainText(reply));
  };

  async function onLine(line: string): Promise<'quit' | undefined> {
    const text = line.trim();
    if (!config.interactive) {
      show(await bot.handle({ ...CONTEXT, text }));
      return undefined;
    }
    if (text === '') return undefined;
    switch (text.toLowerCase()) {
      case '/quit':
      case '/exit':
        return 'quit';
      case '/help':
        show(await bot.handle({ ...CONTEXT, text: '' }));
        return undefined;
      case '/good':
      case '/bad': {
        if (lastAnswered === undefined) {
          write('There is no answer to rate yet.');
          return undefined;
        }
        const feedback = await bot.feedback(
          CONTEXT,
          lastAnswered,
          text === '/good' ? 'up' : 'down',
        );
        write(
          [feedback.text, ...feedback.suggestions.map((s, i) => `${i + 1}. ${s.question}`)].join(
            '\n',
          ),
        );
        return undefined;
      }
      default:
        show(await bot.handle({ ...CONTEXT, text }));
        return undefined;
    }
  }

  async function run(): Promise<void> {
    const reader = createInterface({
      input: config.input,
      output: config.output,
      terminal: config.interactive,
    });
    rl = reader;
    if (config.interactive) {
      write(INTRO);
      reader.setPrompt('> ');
      reader.prompt();
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
        if (config.interactive) reader.prompt();
      }
    } finally {
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
