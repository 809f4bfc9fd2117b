import { tellsOwnSituation } from '../conversation/situation-clause.js';
import { clarifyReply, NEAR_DECLINE } from '../reply/build-reply.js';
import type { AnswerPart, AnswerReply, ClarifyReply, Reply, Source, Suggestion } from '../reply.js';

/**
 * Several answers as one reply: each part with its own attribution, the parts the knowledge does
 * not cover named after them. Used for multi-part questions and for "what did she say?" about
 * someone quoted twice. With no part answered, one clarification offering each part's entry.
 */

/** The entry a reply answers from, when it is one plain fact (not small talk, not several parts). */
export function answered(reply: Reply): string | undefined {
  return reply.kind === 'answer' && reply.entryKind === 'fact' && reply.parts === undefined
    ? reply.entry.entry
    : undefined;
}

function partOf(question: string, reply: Reply): AnswerPart {
  if (answered(reply) !== undefined && reply.kind === 'answer') {
    return {
      question,
      entry: reply.entry,
      text: reply.text,
      ...(reply.source !== undefined && { source: reply.source }),
    };
  }
  const [nearest] = reply.kind === 'answer' ? [] : reply.suggestions;
  if (reply.kind === 'clarify' && nearest)
    return {
      question,
      text: `I'm not sure what "${question}" asks. Did you mean: ${nearest.question}`,
    };
  if (reply.kind === 'decline' && reply.text === NEAR_DECLINE && nearest)
    return {
      question,
      text: `I don't have an answer to exactly "${question}". The closest I know: ${nearest.question}`,
    };
  return { question, text: `My knowledge doesn't cover "${question}".` };
}

/**
 * One reply: every part's answer in order, then what the knowledge does not cover of what was
 * asked.
 */
export function combine(
  results: readonly { question: string; reply: Reply }[],
): AnswerReply | undefined {
  const parts = results.map(({ question, reply }) => partOf(question, reply));
  const answers = results.flatMap(({ reply }) =>
    reply.kind === 'answer' && answered(reply) !== undefined ? [reply] : [],
  );
  const last = answers.at(-1);
  if (last === undefined) return undefined;
  // "my roommate is from doha, how many troops does qatar host?": the situation told is not a
  // question the knowledge failed; saying it "doesn't cover" it is noise.
  const texts = [
    ...parts.filter((part) => part.entry !== undefined),
    ...parts.filter((part) => part.entry === undefined && !tellsOwnSituation(part.question)),
  ].map((part) => part.text);
  const source = combinedSource(answers.flatMap((a) => (a.source ? [a.source] : [])));
  return {
    kind: 'answer',
    text: texts.join('\n\n'),
    confidence: Math.min(...answers.map((a) => a.confidence)),
    entry: last.entry,
    entryKind: 'fact',
    related: last.related,
    parts,
    ...(source !== undefined && { source }),
  };
}

/**
 * "troops vs militias": no part is answered, but every part points at an entry of its own (each
 * is a one-word question, so it is offered, not answered). One clarification offers them all, in
 * the message's order, so that a number picks; a part that points nowhere leaves the message to
 * be matched whole.
 */
export function offerEachPart(
  message: { readonly text: string; readonly reply: Reply },
  parts: readonly { reply: Reply }[],
): { reply: ClarifyReply; question: string } | undefined {
  // A message that points somewhere as a whole is better offered whole.
  const { explanation } = message.reply;
  if (explanation === undefined || nearestOf(message.reply) !== undefined) return undefined;
  const offered = new Map<string, Suggestion>();
  for (const { reply } of parts) {
    const nearest = nearestOf(reply);
    if (nearest === undefined || offered.has(nearest.entry)) return undefined;
    offered.set(nearest.entry, nearest);
  }
  const confidence = Math.min(...parts.map(({ reply }) => reply.confidence));
  return {
    reply: clarifyReply([...offered.values()], confidence, explanation),
    question: message.text,
  };
}

/** The entry a reply that is not an answer offers first, if it offers one (not examples). */
function nearestOf(reply: Reply): Suggestion | undefined {
  const points =
    reply.kind === 'clarify' || (reply.kind === 'decline' && reply.text === NEAR_DECLINE);
  return points ? reply.suggestions[0] : undefined;
}

/** The parts' sources as one: their attributions and passages, each named once. */
function combinedSource(sources: readonly Source[]): Source | undefined {
  const [first] = sources;
  if (first === undefined) return undefined;
  const unique = (values: string[]) => [...new Set(values)];
  const url = sources.find((s) => s.url !== undefined)?.url;
  return {
    attribution: unique(sources.map((s) => s.attribution)).join('; '),
    publication: unique(sources.map((s) => s.publication)).join('; '),
    passage: unique(sources.map((s) => s.passage)).join('\n'),
    ...(url !== undefined && { url }),
  };
}
