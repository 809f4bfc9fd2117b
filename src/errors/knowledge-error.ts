import { BotError } from './bot-error.js';

/** Where in a knowledge file a problem is. */
export interface KnowledgeErrorLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  readonly entry?: string;
  readonly field?: string;
}

/** A knowledge file could not be read, parsed or validated. The message names the place and the fix. */
export class KnowledgeError extends BotError {
  readonly location: KnowledgeErrorLocation;

  constructor(
    code: 'KNOWLEDGE_READ' | 'KNOWLEDGE_SYNTAX' | 'KNOWLEDGE_INVALID',
    problem: string,
    location: KnowledgeErrorLocation,
    options?: { cause?: unknown },
  ) {
    super(code, `${formatLocation(location)}: ${problem}`, options);
    this.location = location;
  }
}

function formatLocation({ file, line, column, entry, field }: KnowledgeErrorLocation): string {
  let where = file;
  if (line !== undefined) where += `:${line}${column !== undefined ? `:${column}` : ''}`;
  const parts = [
    entry !== undefined ? `entry "${entry}"` : '',
    field !== undefined ? `field "${field}"` : '',
  ];
  const detail = parts.filter(Boolean).join(', ');
  return detail ? `${where} (${detail})` : where;
}
