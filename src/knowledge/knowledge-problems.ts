import { KnowledgeError, type KnowledgeErrorLocation } from '../errors/knowledge-error.js';

/** One thing wrong with a knowledge file, found while checking; many are gathered before failing. */
export interface KnowledgeProblem {
  readonly code: 'KNOWLEDGE_READ' | 'KNOWLEDGE_SYNTAX' | 'KNOWLEDGE_INVALID';
  readonly problem: string;
  readonly location: KnowledgeErrorLocation;
  readonly cause?: unknown;
}

/**
 * Several problems at once: the message lists every one, each on its own line with file and line,
 * so a single run (`kb check`, a start, a reload) shows all there is to fix. `location` and `code`
 * are the first problem's, as for a single `KnowledgeError`.
 */
export class KnowledgeProblemsError extends KnowledgeError {
  readonly problems: readonly KnowledgeError[];

  constructor(problems: readonly KnowledgeError[], first: KnowledgeProblem) {
    super(first.code, first.problem, first.location, { cause: first.cause });
    this.problems = problems;
    this.message = problems.map((p) => p.message).join('\n');
  }
}

export function toError(problem: KnowledgeProblem): KnowledgeError {
  return new KnowledgeError(problem.code, problem.problem, problem.location, {
    cause: problem.cause,
  });
}

/** The error to throw for the problems found: the problem itself when there is only one. */
export function knowledgeErrorOf(problems: readonly KnowledgeProblem[]): KnowledgeError {
  const [first] = problems;
  if (first === undefined) throw new RangeError('knowledgeErrorOf needs at least one problem');
  if (problems.length === 1) return toError(first);
  return new KnowledgeProblemsError(problems.map(toError), first);
}
