import fc from 'fast-check';

/**
 * Hostile and odd user text, shared by the property tests and the load bench: the named cases
 * people actually send (or attackers try), and fast-check arbitraries that mix them with noise.
 */

export interface NamedInput {
  readonly name: string;
  readonly text: string;
}

const HUNDRED_K = 100_000;

/** Fills `length` characters with `unit` repeated (cut, never inside a surrogate pair). */
export function fill(unit: string, length = HUNDRED_K): string {
  const units = [...unit.repeat(Math.ceil(length / unit.length))];
  let out = '';
  for (const char of units) {
    if (out.length + char.length > length) break;
    out += char;
  }
  return out;
}

/** Markup that means something to Discord or Slack: mentions, broadcasts, links, formatting. */
export const PLATFORM_MARKUP: readonly string[] = [
  '@everyone',
  '@here',
  '@channel',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|@here>',
  '<@123>',
  '<@!123>',
  '<@&456>',
  '<#789>',
  '<@U0123ABCD>',
  '<@U0123ABCD|alice>',
  '<#C0123ABCD|general>',
  '<!subteam^S1>',
  '<!subteam^S1|@team>',
  '<!date^1392734382^{date}|Feb 18>',
  '<http://x|y>',
  '<https://evil.example/login|click here>',
  '<mailto:a@b.example|mail me>',
  'http://x',
  'https://evil.example/path?q=<script>&a=1',
  '[official answer](https://evil.example)',
  '```js\nalert(1)\n```',
  '`code`',
  '**bold** __underline__ ~~strike~~ ||spoiler||',
  '*bold* _italic_ ~strike~ >quote',
  '# heading',
  '-# subtext',
  '> quoted',
  '&lt;!channel&gt;',
  '&amp;lt;@U1&amp;gt;',
  '<script>alert(1)</script>',
  '<>',
  '<<@123>>',
  '<|>',
];

/** Characters that look like nothing, reorder text, combine, or are not text at all. */
export const ODD_CHARACTERS: readonly string[] = [
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u2060', // word joiner
  '\ufeff', // byte order mark
  '\u00ad', // soft hyphen
  '\u202e', // right-to-left override
  '\u202d',
  '\u2066',
  '\u200f',
  '\u0301', // combining acute
  '\u0308',
  '\u0489',
  '\u0000', // NUL
  '\u0007',
  '\u001b[31m',
  '\r',
  '\t',
  '\u2028',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '😀',
  '🇺🇸',
  '👨‍👩‍👧‍👦',
  '🪖',
  'ا',
  'ש',
];

/** Cyrillic and Greek letters that look like Latin ones. */
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  s: 'ѕ',
  x: 'х',
  y: 'у',
  A: 'Α',
  B: 'Β',
  E: 'Ε',
  I: 'Ι',
  K: 'Κ',
  O: 'Ο',
  T: 'Τ',
};

export function withHomoglyphs(text: string): string {
  return [...text].map((char) => HOMOGLYPHS[char] ?? char).join('');
}

/** Named cases, each a realistic attack or accident; the 100,000-character ones included. */
export const NAMED_BAD_INPUTS: readonly NamedInput[] = [
  { name: 'empty', text: '' },
  { name: 'whitespace only', text: ' \t\n\r\u00a0\u3000 ' },
  { name: 'zero-width only', text: '\u200b\u200c\u200d\u2060\ufeff' },
  { name: 'a number that picks nothing', text: '7' },
  { name: '100,000 spaces and letters', text: fill('a ') },
  { name: '100,000 characters of real words', text: fill('how many troops are in iraq ') },
  { name: '100,000 newlines', text: fill('\n') },
  { name: '100,000 emoji', text: fill('😀') },
  { name: '100,000 zero-width spaces', text: fill('\u200b') },
  { name: '100,000 NULs', text: fill('\u0000') },
  { name: '100,000 right-to-left marks', text: fill('\u202eiraq ') },
  { name: '100,000 combining marks', text: fill('a\u0301\u0308 ') },
  { name: '100,000 Cyrillic lookalikes', text: fill('ігаq trооps ') },
  { name: '100,000 mentions', text: fill('<@123> @everyone ') },
  { name: '100,000 Slack tokens', text: fill('<!channel> <http://x|y> ') },
  { name: 'long word of 300 letters', text: 'a'.repeat(300) },
  { name: 'zero-width inside words', text: 'how\u200b many\u200d troops in\u2060 iraq' },
  { name: 'right-to-left override', text: '\u202ehow many troops are in iraq\u202c' },
  { name: 'Arabic and Hebrew', text: 'كم عدد القوات في العراق؟ כמה חיילים' },
  { name: 'combining marks', text: 'ho\u0301w ma\u0308ny tro\u0301o\u0308ps in i\u0301raq' },
  { name: 'zalgo', text: 'h̸̡̪̯ͨ͊̽̅̾̎o̴w m͓̥̟a̴ny t̷r̶o͢o̕p̨s' },
  { name: 'emoji', text: '🇺🇸 troops 🪖 in iraq? 👨‍👩‍👧‍👦👍' },
  { name: 'Cyrillic homoglyphs', text: withHomoglyphs('how many us troops are in iraq') },
  { name: 'Greek capitals', text: 'ΙRAQ ΤROOPS' },
  { name: 'fullwidth letters', text: 'ｈｏｗ ｍａｎｙ ｔｒｏｏｐｓ ｉｎ ｉｒａｑ' },
  { name: 'control characters', text: 'troops\u0000in\u0007iraq\u001b[31m\u0008\u007f' },
  { name: 'lone surrogates', text: '\ud800 troops \udfff iraq \udc00\ud83d' },
  { name: 'code block', text: '```\nhow many troops are in iraq\n```' },
  { name: 'markdown', text: '**how** _many_ ~~troops~~ `in` [iraq](https://evil.example)' },
  { name: 'slack mrkdwn', text: '*how many* _troops_ ~in~ `iraq` &lt;&gt;&amp;' },
  { name: 'broadcasts', text: '@everyone @here <!channel> <!here> <!everyone> how many troops' },
  { name: 'user and role mentions', text: '<@123> <@!123> <@&456> <#789> <!subteam^S1> iraq' },
  { name: 'links', text: '<http://x|y> <https://evil.example|troops> http://x https://y.example' },
  { name: 'html', text: '<script>alert("troops")</script><img src=x onerror=alert(1)>' },
  { name: 'prototype words', text: '__proto__ constructor toString hasOwnProperty' },
  { name: 'json', text: '{"__proto__":{"polluted":true},"text":null}' },
  { name: 'sql', text: "iraq'; DROP TABLE questions; --" },
  { name: 'regex bait', text: '(a+)+$ .*.*.*=.*  ^(\\d+)*$ [[[[[[' },
  { name: 'format strings', text: `%s %d %n \${process.env} {{7*7}}` },
  { name: 'all markup at once', text: PLATFORM_MARKUP.join(' ') },
];

/** One fragment of a hostile message. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLATFORM_MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARACTERS) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'how',
      'many',
      'troops',
      'iraq',
      'syria',
      'us',
      'U.S.',
      'kuwait',
      'bases',
      'who',
      'said',
      'why',
      '1',
      '2',
      '#3',
      "won't",
      'hello',
      'thanks',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** A hostile message: fragments of markup, odd characters, real words and noise. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fragment, { maxLength: 40 })
  .chain((parts) =>
    fc.constantFrom(' ', '', '\n', '\u200b').map((separator) => parts.join(separator)),
  );

/** Any text at all: hostile mixtures, raw Unicode (lone surrogates included), the named cases. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 400 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMED_BAD_INPUTS.map((input) => input.text)) },
);

/** Ways to disguise a question without changing what a person reads. */
export const disguise: fc.Arbitrary<(text: string) => string> = fc.constantFrom(
  (text: string) => [...text].join('\u200b'),
  (text: string) => `\u202e${text}\u202c`,
  (text: string) => text.normalize('NFD'),
  (text: string) => [...text].map((c) => (/[a-z]/i.test(c) ? `${c}\u0301` : c)).join(''),
  withHomoglyphs,
  (text: string) => `🇺🇸 ${text} 🪖`,
  (text: string) => `**${text}**`,
  (text: string) => `\`\`\`\n${text}\n\`\`\``,
  (text: string) => `<@123> ${text} @everyone`,
  (text: string) => `${text} <https://evil.example|click>`,
  (text: string) => text.toUpperCase(),
  (text: string) => text.replace(/ /g, '\u0000'),
);
