/**
 * Keeps the console's prompt (and what the user has typed so far) intact when a log line is
 * written to the same terminal while it waits, for example a hot reload that failed: the prompt
 * line is cleared, the log line written, and the prompt redrawn below it.
 */
export interface ShownPrompt {
  clear(): void;
  redraw(): void;
}

export interface PromptKeeper {
  /** Pass as `createLogger`'s `aroundWrite`. */
  around(write: () => void): void;
  /** The console says when its prompt shows, and stops showing (undefined). */
  showing(prompt: ShownPrompt | undefined): void;
}

/** `logsOnTerminal`: whether log lines reach the terminal at all (standard error is a TTY). */
export function createPromptKeeper(logsOnTerminal: boolean): PromptKeeper {
  let shown: ShownPrompt | undefined;
  return {
    around(write) {
      const prompt = logsOnTerminal ? shown : undefined;
      prompt?.clear();
      try {
        write();
      } finally {
        prompt?.redraw();
      }
    },
    showing(prompt) {
      shown = prompt;
    },
  };
}
