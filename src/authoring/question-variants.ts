/**
 * Alternative phrasings of a question, by rule: contractions, a terse form, the question word
 * dropped, an indirect ("can you tell me …") form and a reordered one. They are what people type;
 * none adds a fact, so an imported entry can be served at once and read by a person later.
 */

const WH = new Set(['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how']);
const QUANTITY = new Set(['long', 'much', 'many', 'often', 'far', 'soon', 'old', 'big']);
const AUX = new Set([
  'do',
  'does',
  'did',
  'is',
  'are',
  'was',
  'were',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'may',
  'might',
  'must',
  'has',
  'have',
  'had',
]);
const BE = new Set(['is', 'are', 'was', 'were']);
const PRONOUNS = new Set(['i', 'you', 'we', 'they', 'it', 'he', 'she']);
/** Words a terse question leaves out: people typing "shipping cost?" drop exactly these. */
const FILLER = new Set([
  'you',
  'your',
  'yours',
  'we',
  'our',
  'i',
  'my',
  'me',
  'the',
  'a',
  'an',
  'it',
  'there',
  'any',
  'of',
  'to',
  'for',
  'please',
]);
const PREPOSITIONS = new Set([
  'in',
  'on',
  'at',
  'after',
  'before',
  'within',
  'for',
  'from',
  'outside',
  'with',
  'by',
  'to',
  'during',
]);

const CONTRACTIONS: readonly (readonly [string, string])[] = [
  ['what is', "what's"],
  ['where is', "where's"],
  ['how is', "how's"],
  ['who is', "who's"],
  ['when is', "when's"],
  ['it is', "it's"],
  ['there is', "there's"],
  ['that is', "that's"],
  ['do not', "don't"],
  ['does not', "doesn't"],
  ['did not', "didn't"],
  ['can not', "can't"],
  ['cannot', "can't"],
  ['is not', "isn't"],
  ['are not', "aren't"],
  ['will not', "won't"],
  ['i am', "i'm"],
  ['you are', "you're"],
  ['we are', "we're"],
  ['i would', "i'd"],
  ['i have', "i've"],
  ['what are', "what're"],
];

export function questionVariants(question: string): string[] {
  const words = wordsOf(question);
  if (words.length === 0) return [question];
  const lower = words.join(' ');
  const terse = words.filter((w) => !FILLER.has(w) && !AUX.has(w));
  const topic = topicWords(terse);
  const indirect = indirectForm(words);
  const variants = [
    question,
    lower,
    swapContractions(lower),
    `${terse.join(' ')}?`,
    topic.length > 0 ? `${topic.join(' ')}?` : undefined,
    indirect && `can you tell me ${indirect}`,
    indirect && `i'd like to know ${indirect}`,
    reordered(words, topic),
    ...sameMeaning(lower),
    topic.length > 0 ? `question about ${topic.join(' ')}` : undefined,
    topic.length > 0 ? `info on ${topic.join(' ')} please` : undefined,
  ];
  return unique(variants.filter((v): v is string => v !== undefined && v.trim() !== ''));
}

/** The question's words, lower-cased, without punctuation (apostrophes and inner dots kept). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}'.\-+&]+/u)
    .map((w) => w.replace(/^[.'-]+|[.'-]+$/g, ''))
    .filter(Boolean);
}

/** The terse form without the question word ("how much" included): what the question is about. */
function topicWords(terse: readonly string[]): string[] {
  const [first, second] = terse;
  if (first === undefined || !WH.has(first)) return [...terse];
  const skip = first === 'how' && second !== undefined && QUANTITY.has(second) ? 2 : 1;
  return terse.slice(skip);
}

/**
 * The same question with other words people use for it: the matcher weighs question words
 * ("what" vs "how much") heavily, so a paraphrase with a different one needs a phrasing of its own.
 */
const SAME_MEANING: readonly (readonly [RegExp, string])[] = [
  [/^which\b/, 'what'],
  [/^what ((?:[\w-]+ ){1,3})(do|does|can|will)\b/, 'which $1$2'],
  [/^how much does (.+) cost$/, 'what does $1 cost'],
  [/^how much does (.+) cost$/, 'what is the cost of $1'],
  [/^how much is (.+)$/, 'what does $1 cost'],
  [/^how long does (.+) take$/, 'how long will $1 take'],
  [/^how (?:can|do) i (.+)$/, 'what is the way to $1'],
  [/^can i (.+)$/, 'is it possible to $1'],
  [/^do you (.+)$/, 'you $1?'],
  [/\byour\b/, 'the'],
];

function sameMeaning(lower: string): string[] {
  return SAME_MEANING.flatMap(([pattern, replacement]) =>
    pattern.test(lower) ? [lower.replace(pattern, replacement).replace(/\bmy\b/g, 'an')] : [],
  );
}

function swapContractions(text: string): string | undefined {
  for (const [long, short] of CONTRACTIONS) {
    const longForm = new RegExp(`\\b${long}\\b`);
    if (longForm.test(text)) return text.replace(longForm, short);
    if (text.includes(short)) return text.replace(short, long);
  }
  return undefined;
}

/** "how long does shipping take" → "how long shipping takes"; "can i cancel" → "if i can cancel". */
function indirectForm(words: readonly string[]): string | undefined {
  const auxAt = words.findIndex((w) => AUX.has(w));
  const aux = words[auxAt];
  if (aux === undefined) return undefined;
  const head = words.slice(0, auxAt);
  const subject = words[auxAt + 1];
  const rest = words.slice(auxAt + 2);
  if (subject === undefined) return undefined;
  if (head.length > 0 && !WH.has(head[0] ?? '')) return undefined;
  const lead = head.length > 0 ? head : ['if'];
  if (aux === 'do' || aux === 'did') return [...lead, subject, ...rest].join(' ');
  if (aux === 'does') {
    const [verb, ...after] = rest;
    if (verb === undefined) return undefined;
    return [...lead, subject, thirdPerson(verb), ...after].join(' ');
  }
  if (BE.has(aux) && rest.length === 0) return [...lead, subject, aux].join(' ');
  if (BE.has(aux) && !PRONOUNS.has(subject)) return [...lead, subject, ...rest, aux].join(' ');
  return [...lead, subject, aux, ...rest].join(' ');
}

function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** A closing prepositional phrase moved to the front, or the topic first and the question word last. */
function reordered(words: readonly string[], topic: readonly string[]): string | undefined {
  for (let i = 2; i < words.length - 1; i++) {
    if (PREPOSITIONS.has(words[i] ?? '') && words.length - i <= 5 && words[i] !== 'to') {
      return `${words.slice(i).join(' ')}, ${words.slice(0, i).join(' ')}?`;
    }
  }
  const [first, second] = words;
  if (first === undefined || !WH.has(first) || topic.length === 0) return undefined;
  const wh =
    first === 'how' && second !== undefined && QUANTITY.has(second) ? `how ${second}` : first;
  return `${topic.join(' ')}, ${wh}?`;
}

function unique(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((t) => {
    const key = wordsOf(t).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
