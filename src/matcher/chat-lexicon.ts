/**
 * What people type around and instead of a question: chat shorthand (expanded to the words it
 * stands for), greetings, thanks and filler (set aside when the message has content besides),
 * and words that do not change what a question asks when the knowledge has never seen them.
 * A knowledge file can extend the shorthand with its own (`shorthand:` in the file).
 */

/** Shorthand → what it stands for, on cleaned lower-case words (apostrophes already expanded). */
export const BUILT_IN_SHORTHAND: Readonly<Record<string, string>> = {
  u: 'you',
  ya: 'you',
  em: 'them',
  ur: 'your',
  r: 'are',
  rn: 'right now',
  pls: 'please',
  plz: 'please',
  plox: 'please',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whr: 'where',
  wher: 'where',
  whre: 'where',
  wen: 'when',
  whn: 'when',
  hw: 'how',
  hm: 'how many',
  mny: 'many',
  mani: 'many',
  y: 'why',
  govt: 'government',
  gov: 'government',
  gvt: 'government',
  ppl: 'people',
  abt: 'about',
  b4: 'before',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  ty: 'thanks',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  yday: 'yesterday',
  yr: 'year',
  yrs: 'years',
  hrs: 'hours',
  wk: 'week',
  wks: 'weeks',
  mins: 'minutes',
  mth: 'month',
  mths: 'months',
  wfh: 'work from home',
  asap: 'as soon as possible',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  bcz: 'because',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  dunno: 'do not know',
  idk: 'i do not know',
  lemme: 'let me',
  gimme: 'give me',
  kinda: 'kind of',
  whats: 'what is',
  wats: 'what is',
  hows: 'how is',
  whos: 'who is',
  wheres: 'where is',
  whens: 'when is',
  thats: 'that is',
  theres: 'there is',
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  arent: 'are not',
  wasnt: 'was not',
  werent: 'were not',
  cant: 'can not',
  havent: 'have not',
  hasnt: 'has not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  info: 'information',
  approx: 'approximately',
  amt: 'amount',
  dept: 'department',
  mgr: 'manager',
  btw: 'by the way',
  fyi: 'for your information',
  nd: 'and',
  n: 'and',
  w: 'with',
  q: 'question',
  acc: 'according',
  org: 'organization',
  orgs: 'organizations',
  smth: 'something',
  sth: 'something',
  num: 'number',
  avg: 'average',
  pct: 'percent',
  intl: 'international',
  mgmt: 'management',
  appt: 'appointment',
  thru: 'through',
};

/** Words and phrases around a question that are not part of it: greetings, thanks, hedges. */
const FILLER_PHRASES: readonly (readonly string[])[] = [
  ['i', 'have', 'a', 'quick', 'question'],
  ['i', 'have', 'a', 'question'],
  ['quick', 'question'],
  ['one', 'more', 'question'],
  ['another', 'question'],
  ['can', 'you', 'please', 'tell', 'me'],
  ['could', 'you', 'please', 'tell', 'me'],
  ['can', 'you', 'tell', 'me'],
  ['could', 'you', 'tell', 'me'],
  ['would', 'you', 'tell', 'me'],
  ['do', 'you', 'happen', 'to', 'know'],
  ['do', 'you', 'know'],
  ['does', 'anyone', 'know'],
  ['anyone', 'know'],
  ['i', 'was', 'wondering'],
  ['just', 'wondering'],
  ['i', 'wonder'],
  ['just', 'curious'],
  ['out', 'of', 'curiosity'],
  ['by', 'the', 'way'],
  ['for', 'your', 'information'],
  ['thank', 'you', 'very', 'much'],
  ['thank', 'you'],
  ['thanks', 'a', 'lot'],
  ['thanks', 'in', 'advance'],
  ['much', 'appreciated'],
  ['good', 'morning'],
  ['good', 'afternoon'],
  ['good', 'evening'],
  ['hi', 'there'],
  ['hey', 'there'],
  ['i', 'want', 'to', 'know'],
  ['i', 'would', 'like', 'to', 'know'],
  ['i', 'need', 'to', 'know'],
  ['i', 'do', 'not', 'know'],
  ['tell', 'me'],
  ['sorry', 'to', 'bother', 'you'],
  ['sorry', 'to', 'bother'],
  ['sorry', 'to', 'ask'],
  ['sorry', 'if', 'this', 'is', 'obvious'],
  ['sorry', 'if', 'dumb', 'question', 'but'],
  ['sorry', 'if', 'this', 'is', 'a', 'dumb', 'question'],
  ['dumb', 'question'],
  ['silly', 'question'],
  ['stupid', 'question'],
  ['random', 'question'],
  ['silly', 'q'],
  ['stupid', 'q'],
  ['random', 'q'],
  ['awkward', 'one'],
  // A newcomer introducing themselves ("hi, I'm new - …"), not the question's "new laptop".
  ['i', 'am', 'new', 'here'],
  ['i', 'am', 'new'],
  ['new', 'here'],
  ['quick', 'q'],
  ['dumb', 'q'],
  ['quick', 'one'],
  ['real', 'quick'],
  ['or', 'nah'],
  ['or', 'what'],
  ['or', 'something'],
  ['any', 'idea'],
  ['any', 'ideas'],
  ['asking', 'for', 'a', 'friend'],
  ['my', 'boss', 'wants', 'to', 'know'],
  ['my', 'manager', 'wants', 'to', 'know'],
  ['my', 'boss', 'asked', 'me'],
  ['my', 'boss', 'asked'],
  ['my', 'manager', 'asked', 'me'],
  ['my', 'manager', 'asked'],
  ['wants', 'to', 'know'],
  ['asked', 'me'],
  ['if', 'you', 'know'],
  ['just', 'checking'],
  ['what', 'is', 'going', 'on'],
  ['what', 'is', 'happening'],
  ['hope', 'you', 'are', 'doing', 'well'],
  ['hope', 'you', 'are', 'doing', 'good'],
  ['hope', 'your', 'doing', 'well'],
  ['hope', 'your', 'doing', 'good'],
  ['hope', 'you', 'are', 'well'],
  ['hope', 'you', 'are', 'ok'],
  ['hope', 'your', 'day', 'is', 'going', 'well'],
  ['hope', 'your', 'day', 'is', 'going', 'good'],
  ['hope', 'all', 'is', 'well'],
  ['hope', 'this', 'makes', 'sense'],
  // The bot addressed by name is no more part of the question than the team is.
  ['hello', 'bot'],
  ['hi', 'bot'],
  ['hey', 'bot'],
  ['thanks', 'bot'],
  ['hey', 'team'],
  ['hi', 'team'],
  ['hello', 'team'],
  ['hey', 'all'],
  ['hi', 'all'],
  ['hey', 'everyone'],
  ['hi', 'everyone'],
  ['sorry'],
  ['ugh'],
  ['wow'],
  ['oh'],
  ['ah'],
  ['so'],
  ['well'],
  ['right', 'now'],
  ['at', 'the', 'moment'],
  ['as', 'of', 'now'],
  ['as', 'of', 'today'],
  ['these', 'days'],
  ['currently'],
  ['presently'],
  ['hey'],
  ['hi'],
  ['hello'],
  ['hiya'],
  ['howdy'],
  ['yo'],
  ['thanks'],
  ['thank'],
  ['cheers'],
  ['please'],
  ['kindly'],
  ['ok'],
  ['okay'],
  ['um'],
  ['uh'],
  ['umm'],
  ['hmm'],
  ['lol'],
  ['lmao'],
  ['haha'],
  ['hahaha'],
  ['tbh'],
  ['imo'],
  ['imho'],
  ['ngl'],
  ['iirc'],
  ['afaik'],
  ['fwiw'],
  ['ugh'],
  ['bro'],
  ['dude'],
  ['folks'],
  ['guys'],
];

/** First word → the filler phrases starting with it, longest first. */
const FILLER_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const phrase of FILLER_PHRASES) {
  const first = phrase[0] as string;
  const list = FILLER_BY_FIRST.get(first) ?? [];
  list.push(phrase);
  list.sort((a, b) => b.length - a.length);
  FILLER_BY_FIRST.set(first, list);
}

/** Length of the filler phrase starting at `at`, or 0. */
function fillerAt(words: readonly string[], at: number): number {
  for (const phrase of FILLER_BY_FIRST.get(words[at] ?? '') ?? []) {
    if (phrase.every((w, k) => words[at + k] === w)) return phrase.length;
  }
  return 0;
}

/**
 * Greetings that are also words of a question ("open in the morning"): filler only where they
 * open the message.
 */
const OPENING_GREETINGS = new Set(['morning', 'afternoon', 'evening', 'greetings', 'mornin']);
// What follows a greeting ("morning all, when…"), unlike what follows a word of the question
// ("morning shift hours").
const ADDRESSEES = new Set(['all', 'team', 'everyone', 'folks', 'guys']);
const AFTER_GREETING = new Set([
  ...ADDRESSEES,
  ...`quick hey hi so when what how who where which why is are do does did can could will would i
  we my`.split(/\s+/),
]);

/** Which of the words belong to filler phrases. */
export function fillerMask(words: readonly string[]): boolean[] {
  const mask = new Array<boolean>(words.length).fill(false);
  if (OPENING_GREETINGS.has(words[0] ?? '') && AFTER_GREETING.has(words[1] ?? '')) {
    mask[0] = true;
    if (ADDRESSEES.has(words[1] ?? '')) mask[1] = true;
  }
  for (let i = 0; i < words.length; ) {
    const n = fillerAt(words, i);
    if (n === 0) {
      i++;
      continue;
    }
    for (let k = 0; k < n; k++) mask[i + k] = true;
    i += n;
  }
  return mask;
}

/**
 * Words that say how a question is put, not what it asks: a knowledge base that never uses them
 * loses nothing when a question does ("what is the size of…", "the total number of…").
 */
const NEUTRAL_WORDS = new Set([
  'size',
  'number',
  'amount',
  'count',
  'total',
  'figure',
  'figures',
  'exactly',
  'approximately',
  'roughly',
  'around',
  'about',
  'actually',
  'really',
  'basically',
  'overall',
  'altogether',
  'currently',
  'presently',
  'present',
  'still',
  'anymore',
  'information',
  'stuff',
  'thing',
  'things',
  'like',
  'kind',
  'sort',
  'exist',
  'exists',
  'existing',
  'estimate',
  'estimated',
  'rough',
  'precisely',
  'current',
  'latest',
  'today',
  'anyone',
  'someone',
  'wondering',
  'curious',
  'quick',
  'question',
  'right',
  'correct',
  'true',
  // What a statement asks for ("maternity leave policy", "training approval process"): the
  // entry, however it is named.
  'policy',
  'policies',
  'process',
  'procedure',
  'details',
  'rules',
  'overview',
  'news',
  'update',
  'updates',
  'exact',
  // Hedges: "I only work 3 days a week" is the part-time question, not another one.
  'only',
  'just',
  'even',
  'usually',
  'normally',
  'generally',
  'typically',
  'probably',
  'honestly',
  'literally',
  'seriously',
  'anyway',
  'though',
]);

/** Whether an unseen word leaves the question's meaning as it is. */
export function isNeutralWord(surface: string): boolean {
  return NEUTRAL_WORDS.has(surface);
}

/** The neutral words, for reading their typos ("totl") as them. */
export const neutralWords = (): Iterable<string> => NEUTRAL_WORDS;

/** Everyday ways of asking for a count, read as the plain "how many". */
const COUNT_PHRASES: readonly (readonly string[])[] = [
  ['what', 'is', 'the', 'total', 'number', 'of'],
  ['what', 'is', 'the', 'number', 'of'],
  ['what', 'is', 'the', 'size', 'of'],
  ['what', 'is', 'the', 'count', 'of'],
  ['the', 'number', 'of'],
];

/** The words with everyday count phrasings replaced by "how many" ("what's the size of…"). */
export function rewriteCounts(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = COUNT_PHRASES.find((p) => p.every((w, k) => words[i + k] === w));
    if (phrase === undefined) {
      out.push(words[i] as string);
      i++;
      continue;
    }
    out.push('how', 'many');
    i += phrase.length;
  }
  return out;
}

// "full-timers", "part timer": the people a full-time or part-time job is worked by.
const WORK_PATTERNS = new Set(['full', 'part']);
const TIMERS = new Set(['timer', 'timers']);

/** The words with "full-timers" and "part timer" read as full-time and part-time employees. */
export function rewriteTimers(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, word] of words.entries()) {
    if (TIMERS.has(word) && WORK_PATTERNS.has(words[i - 1] ?? '')) out.push('time', 'employees');
    else out.push(word);
  }
  return out;
}
