import type { KnowledgeBase } from './knowledge-base.js';
import type { Suggestion } from './reply.js';

/** One publication the knowledge was curated from. */
export interface AboutSource {
  readonly publication: string;
  readonly title?: string;
  readonly url?: string;
}

/**
 * What the bot knows, for a platform's "about" page (Slack's App Home): the topic in a few words,
 * the publications the knowledge comes from, and questions it can answer. Read-only.
 */
export interface About {
  readonly topic: string;
  readonly sources: readonly AboutSource[];
  readonly examples: readonly Suggestion[];
}

/** Describes the knowledge in service; `examples` are spread over the file, as in help. */
export function describeKnowledge(kb: KnowledgeBase, examples: number): About {
  const seen = new Set<string>();
  const sources: AboutSource[] = [];
  for (const source of kb.knowledge.sources) {
    const key = `${source.publication}\u0000${source.title ?? ''}\u0000${source.url ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    sources.push({
      publication: source.publication,
      ...(source.title !== undefined && { title: source.title }),
      ...(source.url !== undefined && { url: source.url }),
    });
  }
  return { topic: kb.topic, sources, examples: kb.examples(examples) };
}
