import { MONTHS, WEEKDAYS } from './slot-lexicon.js';

/**
 * Dates as people type them, read as the knowledge writes them: "Oct. 7", "october 7th",
 * "7th of October" and "since 10/7" are one date, "mon-fri" is Monday to Friday. Abbreviations
 * become the month's or day's name (a slot word, so another month is another time), and a day's
 * ordinal suffix goes.
 */

const MONTH_NAMES = new Set(MONTHS);
const ABBREVIATIONS = new Map<string, string>([
  ...MONTHS.map((m) => [m.slice(0, 3), m] as const),
  ['sept', 'september'],
]);
// Abbreviations that are words or names of their own ("jan", "mar", "dec"): months only beside a
// day or a year.
const WORDS_OF_THEIR_OWN = new Set(['jan', 'mar', 'apr', 'may', 'jun', 'jul', 'dec']);

const WEEKDAY_NAMES = new Set(WEEKDAYS);
const WEEKDAY_ABBREVIATIONS = new Map<string, string>([
  ...WEEKDAYS.map((d) => [d.slice(0, 3), d] as const),
  ['tues', 'tuesday'],
  ['weds', 'wednesday'],
  ['thur', 'thursday'],
  ['thurs', 'thursday'],
]);
// "on sat", "every fri", "mon-fri": where a short day is a day, not "sat" or "sun".
const BEFORE_A_DAY = new Set(['on', 'every', 'till', 'until', 'from', 'through', 'thru', 'to']);

const DAY = /^(?:[1-9]|[12]\d|3[01])$/;
const ORDINAL_DAY = /^([1-9]|[12]\d|3[01])(?:st|nd|rd|th)$/;
const YEAR = /^(?:19|20)\d\d$/;
const dayOrYear = (word: string | undefined) =>
  word !== undefined && (DAY.test(word) || ORDINAL_DAY.test(word) || YEAR.test(word));

function monthAt(words: readonly string[], i: number): string | undefined {
  const word = words[i] as string;
  if (MONTH_NAMES.has(word)) return word;
  const month = ABBREVIATIONS.get(word);
  if (month === undefined) return undefined;
  if (!WORDS_OF_THEIR_OWN.has(word)) return month;
  return dayOrYear(words[i + 1]) || dayOrYear(words[i - 1]) ? month : undefined;
}

const isDayWord = (word: string | undefined) =>
  word !== undefined && (WEEKDAY_NAMES.has(word) || WEEKDAY_ABBREVIATIONS.has(word));

function weekdayAt(words: readonly string[], i: number): string | undefined {
  const day = WEEKDAY_ABBREVIATIONS.get(words[i] as string);
  if (day === undefined || (words[i] as string).length > 3) return day;
  const before = words[i - 1];
  return BEFORE_A_DAY.has(before ?? '') || isDayWord(before) || isDayWord(words[i + 1])
    ? day
    : undefined;
}

/**
 * The words with each month or weekday abbreviation as its name and each day of the month beside
 * a month as a number.
 */
export function readDates(words: readonly string[]): string[] {
  const months = words.map((_, i) => monthAt(words, i));
  const besideMonth = (i: number) =>
    months[i - 1] !== undefined ||
    months[i + 1] !== undefined ||
    (words[i + 1] === 'of' && months[i + 2] !== undefined);
  return words.map((word, i) => {
    const month = months[i] ?? weekdayAt(words, i);
    if (month !== undefined) return month;
    const day = ORDINAL_DAY.exec(word)?.[1];
    return day !== undefined && besideMonth(i) ? day : word;
  });
}

// "since 10/7": a month and day after a word that introduces a date, so that "1/2 day" stays a
// fraction. Read month first, as the article's American English writes dates.
const NUMERIC_DATE =
  /\b(since|on|before|after|from|until|till|by)\s+(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])(?:\/(\d{4}|\d{2}))?\b/g;

/** The text with each numeric date after a date preposition written as month and day. */
export function spellNumericDates(text: string): string {
  return text.replace(
    NUMERIC_DATE,
    (_, word: string, month: string, day: string, year: string | undefined) =>
      `${word} ${MONTHS[Number(month) - 1]} ${Number(day)}${year === undefined ? '' : ` ${year}`}`,
  );
}
