import type { Knowledge, KnowledgeEntry, KnowledgeSourceInfo } from '../knowledge/knowledge.js';
import { createNormalizer, isStopToken } from '../matcher/normalize.js';

/**
 * Questions about the knowledge itself ("what is this about", "what's your source", "who is
 * quoted", "who said '…'"), answered from the file's own metadata: its sources and the speakers
 * of its entries. Nothing here is a hand-written fact; a file without the metadata gets no answer.
 */
export type MetaKind = 'topic' | 'source' | 'speakers' | 'quote';

export interface MetaAnswer {
  readonly kind: MetaKind;
  /** `meta.<kind>`: an id of its own, so feedback and scoring can tell it from the entries. */
  readonly id: string;
  readonly text: string;
  /** For `quote`: the entry whose quote it is. */
  readonly entry?: KnowledgeEntry;
}

const TOPIC =
  /^(?:so\s+)?(?:what(?:'s|\s+is|\s+are)\s+(?:this|you|this\s+bot|the\s+article|this\s+article|this\s+story|the\s+story|your\s+knowledge|the\s+knowledge|this\s+knowledge(?:\s+base)?|it)\s+(?:all\s+)?about|what\s+(?:topic|subject)s?\s+(?:is\s+this|are\s+you\s+about|does\s+(?:this|the\s+article)\s+cover)|what\s+does\s+(?:this|the\s+article|your\s+knowledge)\s+cover)\s*[?.!]*$/i;
const SOURCE =
  /^(?:and\s+)?(?:what(?:'s|s|\s+is|\s+are)\s+(?:your|ur|the)\s+sources?(?:\s+for\s+(?:that|this|it))?|sources?|where\s+(?:do|does)\s+(?:you|your\s+(?:answers|info|information|facts|knowledge)|this|the\s+information|that)\s+(?:get\s+(?:your|its)\s+(?:info|information|answers|facts)\s+)?(?:come\s+from|from)|where\s+(?:do\s+you\s+get|is)\s+(?:your|this)\s+(?:info|information|answers|facts|data)(?:\s+from)?|(?:what|which)\s+(?:article|story)(?:\s+(?:is\s+(?:this|that|it)(?:\s+from)?|are\s+you\s+using|do\s+you\s+use|(?:are|is)\s+(?:you|your\s+answers)\s+(?:from|based\s+on)))?|(?:who|what)\s+(?:is|are)\s+(?:the\s+)?(?:article|story)'?s?\s+(?:source|publisher|author)|who\s+published\s+(?:this|the\s+article|it)|what\s+(?:is|are)\s+your\s+answers\s+based\s+on)\s*[?.!]*$/i;
const SPEAKERS =
  /^(?:and\s+)?(?:who(?:'s|\s+is|\s+are|\s+gets|\s+was|\s+were)\s+(?:(?:all\s+)?the\s+(?:main\s+|key\s+)?(?:people|persons|experts|officials|sources)\s+)?(?:quoted|cited|interviewed)|whom?\s+(?:does|do)\s+(?:the\s+article|it|you|this)\s+(?:quote|cite)|who\s+(?:speaks|talks|is\s+speaking)\s+in\s+(?:the\s+)?(?:article|story|it)|(?:which|what)\s+people\s+are\s+(?:quoted|cited)|whose\s+quotes\s+(?:do\s+you\s+have|are\s+there))(?:\s+in\s+(?:the\s+|this\s+)?(?:article|story|it|knowledge))?\s*[?.!]*$/i;
const WHO_SAID =
  /^(?:and\s+)?who\s+(?:said|says|told|wrote|was\s+quoted\s+saying)(?:\s+that)?[\s:,]+["“'‘]?(.+?)["”'’]?\s*[?.!]*$/i;
/** A quote needs this many words, this many of them content words, to be told from "who said that?". */
const MIN_QUOTE_WORDS = 3;
const MIN_QUOTE_CONTENT_WORDS = 2;
/**
 * Share of the quote's content words that must occur in one quoting entry's passage: a long quote
 * may be misremembered by a word, a short claim may not ("who said the jordan attack made the
 * talks easier?" has every word of Slim's "harder" but the one it turns on).
 */
const QUOTE_OVERLAP = 0.8;
const LONG_QUOTE_CONTENT_WORDS = 6;

export interface MetadataAnswerer {
  answer(text: string): MetaAnswer | undefined;
}

export function createMetadataAnswerer(knowledge: Knowledge): MetadataAnswerer {
  const normalizer = createNormalizer({ synonyms: knowledge.synonyms });
  const content = (text: string) =>
    normalizer
      .words(text)
      .map((word) => word.token)
      .filter((token) => !isStopToken(token));
  const quoting = knowledge.entries.filter((entry) => entry.speaker !== undefined);
  const passages = new Map(
    quoting.map((entry) => [entry.id, new Set(content(`${entry.passage ?? ''} ${entry.answer}`))]),
  );
  const answers = new Map(quoting.map((entry) => [entry.id, new Set(content(entry.answer))]));
  const share = (words: readonly string[], within: ReadonlySet<string> | undefined) =>
    words.filter((word) => within?.has(word)).length / words.length;

  function whoSaid(quote: string): MetaAnswer | undefined {
    const words = [...new Set(content(quote))];
    if (quote.split(/\s+/).length < MIN_QUOTE_WORDS || words.length < MIN_QUOTE_CONTENT_WORDS)
      return undefined;
    // Passages overlap (one quote's passage may hold the next sentence too): on a tie, the entry
    // whose own answer holds the quote is the one quoting it.
    const overlap = words.length >= LONG_QUOTE_CONTENT_WORDS ? QUOTE_OVERLAP : 1;
    const scored = quoting
      .map((entry) => ({
        entry,
        share: share(words, passages.get(entry.id)),
        own: share(words, answers.get(entry.id)),
      }))
      .filter(({ share }) => share >= overlap)
      .sort((a, b) => b.share - a.share || b.own - a.own);
    const best = scored[0];
    const speakers = new Set(
      scored.filter(({ share }) => share === best?.share).map(({ entry }) => entry.speaker),
    );
    if (best === undefined || speakers.size !== 1) return undefined;
    const publication = best.entry.source?.publication;
    const speaker = best.entry.speaker ?? '';
    return {
      kind: 'quote',
      id: 'meta.quote',
      text: publication
        ? `According to ${publication}, that was ${speaker}.`
        : `That was ${speaker}.`,
      entry: best.entry,
    };
  }

  // The question as the matcher reads it, shorthand expanded and greetings set aside: "hey whats
  // this article about" asks what "what is this article about" asks.
  const plain = (text: string) =>
    normalizer
      .words(text)
      .map((word) => word.surface)
      .join(' ');

  return {
    answer(text) {
      const trimmed = text.trim();
      let read: string | undefined;
      const asks = (pattern: RegExp) => {
        if (pattern.test(trimmed)) return true;
        read ??= plain(text);
        return pattern.test(read);
      };
      if (asks(TOPIC)) return topic(knowledge.sources);
      if (asks(SOURCE)) return source(knowledge.sources);
      if (asks(SPEAKERS)) return speakers(knowledge);
      const quote = WHO_SAID.exec(trimmed)?.[1];
      return quote === undefined ? undefined : whoSaid(quote);
    },
  };
}

function topic(sources: readonly KnowledgeSourceInfo[]): MetaAnswer | undefined {
  const described = sources.filter((s) => s.title !== undefined).map(describe);
  if (described.length === 0) return undefined;
  return {
    kind: 'topic',
    id: 'meta.topic',
    text: `My knowledge comes from ${list(described)}; I answer questions about what it says and decline the rest.`,
  };
}

function source(sources: readonly KnowledgeSourceInfo[]): MetaAnswer | undefined {
  if (sources.length === 0) return undefined;
  const described = sources.map((s) => `${describe(s)}${s.url === undefined ? '' : ` (${s.url})`}`);
  return {
    kind: 'source',
    id: 'meta.source',
    text: `My answers come from ${list(described)}. Each answer names who its facts are attributed to.`,
  };
}

function speakers(knowledge: Knowledge): MetaAnswer | undefined {
  const names = [...new Set(knowledge.entries.map((e) => e.speaker))].filter(
    (name): name is string => name !== undefined,
  );
  if (names.length === 0) return undefined;
  const publications = list([...new Set(knowledge.sources.map((s) => s.publication))]);
  return {
    kind: 'speakers',
    id: 'meta.speakers',
    text: `${publications || 'My knowledge'} quotes ${list(names)}.`,
  };
}

function describe(source: KnowledgeSourceInfo): string {
  return source.title === undefined
    ? source.publication
    : `${source.publication}: "${source.title}"`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
