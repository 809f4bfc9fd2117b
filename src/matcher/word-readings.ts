import { isNeutralWord, neutralWords } from './chat-lexicon.js';
import { at } from './checked-read.js';
import { isStopToken, type Word } from './normalize.js';
import { namesUnseenPeriod } from './relative-periods.js';
import { isSlotWord, slotKind } from './slot-lexicon.js';
import type { SpaceContext } from './space-context.js';
import { createTypoCorrector, type TypoCorrector } from './typo-corrector.js';

let neutralTypos: TypoCorrector | undefined;

/** Whether an unseen word is a typo of a neutral one ("totl number of"): as silent as it. */
function isNeutralTypo(surface: string): boolean {
  neutralTypos ??= createTypoCorrector(new Map([...neutralWords()].map((w) => [w, 1])));
  return neutralTypos.correct(surface) !== undefined;
}

/**
 * How each word of a question is read before it is weighed: known, typo-corrected, silent, or
 * unseen (and then whether it names a slot or what the question asks about). Apart from the
 * vectors because it decides what a word is, not how much it counts.
 */

/** How much a typo-corrected word counts as known, by number of edits. */
const CORRECTED_CREDIT = [1, 0.8, 0.6] as const;

// "…the bike scheme for an e-scooter": what follows these (and a determiner) is what the question
// is about, so a word the knowledge never uses there is another thing asked of, not phrasing.
// Noted, not priced: the calibration keeps seeing such words as it always has.
const OBJECT_PREPOSITIONS = new Set(['for', 'with', 'on', 'about', 'to', 'from', 'into', 'at']);
const DETERMINERS = new Set(['a', 'an', 'the', 'my', 'our', 'your', 'his', 'her', 'their', 'this']);
// "…discount on other brands": what follows these is something besides what the knowledge names.
const CONTRASTS = new Set(['other', 'another', 'different']);

/** The question's tokens after typo correction, how much each counts as known, and which are silent. */
export function readWords(words: readonly Word[], ctx: SpaceContext) {
  const tokens: string[] = [];
  const credit = new Float32Array(words.length);
  const silent = new Uint8Array(words.length);
  let unseenSlot: 'entity' | 'time' | undefined;
  let object = false;
  let unseenObject = false;
  const unseenTimes: number[] = [];
  // Plain loops here and below: callbacks stay unoptimised for longer on a cold start.
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    const objectHere = object;
    object =
      OBJECT_PREPOSITIONS.has(w.surface) ||
      CONTRASTS.has(w.surface) ||
      (object && DETERMINERS.has(w.surface)) ||
      (object && w.surface.length === 1);
    if (ctx.vocabulary.tokenSurfaceKnown.has(w.token)) {
      tokens.push(w.token);
      credit[i] = 1;
      continue;
    }
    // An unseen function word or a word about how the question is put changes nothing the
    // knowledge could answer: it costs no confidence.
    // So does a number an answer states: whether it is this entry's is the candidate's to say.
    // Chat writes its thousands with a k ("10k troops") and its multipliers with an x ("1.5x"
    // pay); the answer writes the number.
    const stated = statedNumber(w.token, ctx.statedNumbers);
    if (isStopToken(w.token) || isNeutralWord(w.surface) || stated !== undefined) {
      tokens.push(stated ?? w.token);
      silent[i] = 1;
      continue;
    }
    // A place, time or role the knowledge lacks is a different question, not a typo ("march").
    const fix = isSlotWord(w.surface) ? undefined : ctx.corrector.correct(w.surface);
    if (fix === undefined && !isSlotWord(w.surface) && isNeutralTypo(w.surface)) {
      tokens.push(w.token);
      silent[i] = 1;
      continue;
    }
    if (fix === undefined) {
      tokens.push(w.token);
      credit[i] = 0;
      const kind = slotKind(w.surface);
      if (kind === undefined) {
        silent[i] = 2;
        if (objectHere) unseenObject = true;
      } else {
        if (kind === 'time') unseenTimes.push(i);
        if (unseenSlot !== 'entity') unseenSlot = kind;
      }
    } else {
      tokens.push(ctx.normalizer.tokenOf(fix.surface));
      credit[i] = at(CORRECTED_CREDIT, fix.distance);
    }
  }
  if (unseenSlot === undefined && namesUnseenPeriod(words, ctx.knownPeriods)) unseenSlot = 'time';
  return { tokens, credit, silent, unseenSlot, unseenObject, unseenTimes };
}

const THOUSANDS = /^(\d{1,3}(?:\.\d{1,2})?)k$/;
const MULTIPLIER = /^(\d{1,3}(?:\.\d{1,2})?)x$/;

/** The number an answer states that a token is, written out ("10k" as "10000"), if any. */
function statedNumber(token: string, stated: ReadonlySet<string>): string | undefined {
  if (stated.has(token)) return token;
  const k = THOUSANDS.exec(token)?.[1];
  const times = MULTIPLIER.exec(token)?.[1];
  const written =
    k !== undefined
      ? String(Math.round(Number(k) * 1000))
      : times === undefined
        ? undefined
        : times;
  return written !== undefined && stated.has(written) ? written : undefined;
}
