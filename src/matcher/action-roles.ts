import { isSlotWord } from './slot-lexicon.js';

/**
 * Who does an action to whom, where no preposition says it: "militias attacking U.S. troops"
 * makes militias the doer and troops the target, so "did the U.S. attack Iran?" or "who did U.S.
 * troops attack?" asks the reverse of the entry, though it shares its words. The voice is read
 * from the words as typed: "troops were attacked" and "troops attacked in Iraq" have troops as
 * the target.
 */

/** Verbs whose doer and target can be swapped, as the normaliser writes them. */
const ACTION_VERBS = new Set([
  'attack',
  'strike',
  'struck',
  'hit',
  'target',
  'kill',
  'wound',
  'injur',
  'bomb',
  'shoot',
  'shot',
  'fund',
  'back',
  'support',
  'invad',
  'fight',
  'fought',
  'threaten',
]);

const BE_FORMS = new Set(['be', 'been', 'being', 'was', 'were', 'is', 'are', 'am', 'get', 'got']);
const PARTICIPLE = /(?:ed|struck|shot|hit|fought)$/;

/** A text as the roles read it: tokens and the surfaces they were read from, aligned. */
export interface RoleText {
  readonly tokens: readonly string[];
  readonly surfaces: readonly string[];
}

// "did the U.S. attack", "will they strike": a bare form is a verb after these, a noun elsewhere
// ("the Jordan attack", "a drone strike").
const AUXILIARIES = new Set(['did', 'do', 'does', 'will', 'would', 'can', 'could', 'should', 'to']);
const INFLECTED = /(?:ing|ed|struck|shot|fought)$/;

/**
 * Whether the action word at `i` is used as a verb: inflected as one, or in its bare form after an
 * auxiliary ("will attack", not "will attacks on…").
 */
function isVerb({ surfaces }: RoleText, i: number, from: number): boolean {
  const surface = surfaces[i] ?? '';
  if (INFLECTED.test(surface)) return true;
  return !surface.endsWith('s') && surfaces.slice(from, i).some((s) => AUXILIARIES.has(s));
}

/** The doers and targets nearest the verb: a clause's further words belong to other verbs. */
const NEAREST = 2;

/** Whether the verb at `i` is passive: a participle after "been"/"was", before "by", or with no target. */
function passive({ surfaces }: RoleText, i: number, targets: readonly string[]): boolean {
  const surface = surfaces[i] ?? '';
  if (!PARTICIPLE.test(surface)) return false;
  return BE_FORMS.has(surfaces[i - 1] ?? '') || surfaces[i + 1] === 'by' || targets.length === 0;
}

/** What the roles need to know of tokens, from role-order.ts (which reads the prepositions). */
export interface RoleWords {
  /** The role words ("on", "in"…) that end the stretch a verb's doers and targets are in. */
  isMark(token: string): boolean;
  isContent(token: string): boolean;
}

/** "doer>verb" and "verb>target" for every action verb, between the role words around it. */
export function actionRoles(text: RoleText, { isMark, isContent }: RoleWords): string[] {
  const { tokens } = text;
  const marks: number[] = [];
  tokens.forEach((t, i) => {
    if (isMark(t) || ACTION_VERBS.has(t)) marks.push(i);
  });
  const role = (t: string) => isContent(t) && !AUXILIARIES.has(t) && !BE_FORMS.has(t);
  const out: string[] = [];
  marks.forEach((m, k) => {
    const verb = tokens[m] as string;
    const from = (marks[k - 1] ?? -1) + 1;
    if (!ACTION_VERBS.has(verb) || !isVerb(text, m, from)) return;
    // "the militias in iraq, who is backing them?": a "who" before the verb is its doer.
    const start = Math.max(from, tokens.lastIndexOf('who', m) + 1);
    const before = tokens.slice(start, m).filter(role).slice(-NEAREST);
    const after = tokens
      .slice(m + 1, marks[k + 1] ?? tokens.length)
      .filter(role)
      .slice(0, NEAREST);
    // Only a compound with a modifier before its participle ("Iran-backed"), which `after` holds.
    const head = after.length > 0 ? compoundHead(text, marks, k, role) : undefined;
    if (head !== undefined && !after.includes(head)) after.push(head);
    const [doers, targets] = passive(text, m, after) ? [after, before] : [before, after];
    for (const d of doers) out.push(`${d}>${verb}`);
    for (const t of targets) out.push(`${verb}>${t}`);
  });
  return out;
}

/**
 * "who attacked Iran-backed militias": the words after a verb run into another action verb that
 * only describes the next noun ("Iran-backed"), so that noun is what the first verb acts on too.
 * The head of such a compound: the next mark is a participle with no "be" form before it, and a
 * role word follows it before the mark after.
 */
function compoundHead(
  { tokens, surfaces }: RoleText,
  marks: readonly number[],
  k: number,
  role: (t: string) => boolean,
): string | undefined {
  const n = marks[k + 1];
  if (n === undefined || !ACTION_VERBS.has(tokens[n] as string)) return undefined;
  if (!PARTICIPLE.test(surfaces[n] ?? '') || BE_FORMS.has(surfaces[n - 1] ?? '')) return undefined;
  return tokens.slice(n + 1, marks[k + 2] ?? tokens.length).find(role);
}

/**
 * The role a question gives a word that the entry only ever gives the other way round, or a doer
 * naming a slot (a country, a people) of an action the entry has others do, never this one:
 * "did U.S. troops attack the Iraqi security forces?" of an entry where only the Jordan attack
 * complicates anything.
 */
export function reversesAction(question: readonly string[], known: ReadonlySet<string>): boolean {
  return question.some((role) => {
    const [left, right] = role.split('>');
    if (known.has(role)) return false;
    if (known.has(`${right}>${left}`)) return true;
    // Only a doer that names a slot (a country, a people): "groups" for "militias" is wording.
    return (
      right !== undefined &&
      ACTION_VERBS.has(right) &&
      left !== undefined &&
      isSlotWord(left) &&
      hasDoer(right, known)
    );
  });
}

function hasDoer(verb: string, known: ReadonlySet<string>): boolean {
  for (const role of known) if (role.endsWith(`>${verb}`)) return true;
  return false;
}
