import { actionRoles, type RoleText, reversesAction } from './action-roles.js';
import { at } from './checked-read.js';
import { readsFirstAsVerb } from './english-words.js';
import { isQuestionWord, isStopToken } from './normalize.js';
import { isPlaceWord } from './slot-lexicon.js';

/**
 * Who does what to whom: the content words on either side of a role word ("on", "against",
 * "by"…) in an entry's phrasings. "Militias launched strikes on U.S. troops" puts militias
 * before "on" and troops after it; a question that puts troops before "on" and militias after
 * asks the reverse, though it shares every word, so it is not the entry's question.
 */

const ROLE_WORDS = new Set([
  'on',
  'against',
  'at',
  'by',
  'toward',
  'towards',
  'target',
  'upon',
  'into',
  'in',
]);

/** Role words whose target is the one content word right after them. */
const PLACING_WORDS = new Set(['in']);

/** Whether a token can fill a role: it carries content and is not a number. */
export function isContentToken(token: string): boolean {
  return (
    !isStopToken(token) && !isQuestionWord(token) && !/^\d+(?:\.\d+)?$/.test(token) && token !== ''
  );
}

/** "left|role|right" for every content word pair on either side of each role word. */
export function roleTriples(tokens: readonly string[]): string[] {
  const out: string[] = [];
  const marks: number[] = [];
  tokens.forEach((t, i) => {
    if (ROLE_WORDS.has(t)) marks.push(i);
  });
  marks.forEach((m, k) => {
    const from = (marks[k - 1] ?? -1) + 1;
    const to = marks[k + 1] ?? tokens.length;
    const role = tokens[m] as string;
    const left = tokens.slice(from, m).filter(isContentToken);
    const after = tokens.slice(m + 1, to).filter(isContentToken);
    // "in" places what comes before it in the place right after it ("troops in Kuwait"); the
    // words further on belong to the rest of the sentence ("countries in the Middle East host
    // troops"), and "in" before anything but a place is not about where ("in Slim's words").
    const right = PLACING_WORDS.has(role) ? after.slice(0, 1).filter(isPlaceWord) : after;
    for (const l of left) for (const r of right) if (l !== r) out.push(`${l}|${role}|${r}`);
  });
  return out;
}

// Auxiliaries as the normaliser writes them ("does" is "doe" once stemmed).
const AUXILIARIES = new Set([
  'did',
  'doe',
  'do',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
]);

// "does Iraq host / have / keep troops" says where the troops are, as "troops in Iraq" does.
const LOCATING_VERBS = new Set([
  'have',
  'has',
  'had',
  'host',
  'hous',
  'station',
  'keep',
  'kept',
  'hold',
  'base',
  'contain',
]);

/**
 * The places a question makes the doer: "how many soldiers did Jordan kill" puts Jordan right
 * after an auxiliary and before its verb, where the entry has soldiers killed *in* Jordan.
 */
export function placeAgents(tokens: readonly string[]): string[] {
  return tokens.filter((t, i) => {
    const before = tokens[i - 1];
    const verb = tokens[i + 1];
    if (before === undefined || verb === undefined) return false;
    const doer = AUXILIARIES.has(before) && isPlaceWord(t);
    // "how did Jordan attack affect the talks": a verb after it makes "Jordan attack" a noun.
    const noun = readsFirstAsVerb(tokens[i + 2] ?? '');
    return doer && !noun && isContentToken(verb) && !isPlaceWord(verb) && !LOCATING_VERBS.has(verb);
  });
}

export interface RoleIndex {
  /** Whether the question reverses a pair of roles that the entry's phrasings fix. */
  conflicts(entry: number, question: RoleText): boolean;
}

const ROLE_WORDS_FOR_ACTIONS = {
  isMark: (token: string) => ROLE_WORDS.has(token),
  isContent: isContentToken,
};

/** Every role a text gives its words: around prepositions, as doers of places, around verbs. */
interface Roles {
  readonly triples: readonly string[];
  readonly agents: readonly string[];
  readonly actions: readonly string[];
}

function readRoles(text: RoleText): Roles {
  return {
    triples: roleTriples(text.tokens),
    agents: placeAgents(text.tokens),
    actions: actionRoles(text, ROLE_WORDS_FOR_ACTIONS),
  };
}

// A question is checked against every entry retrieved for it: its roles are read once.
const rolesRead = new WeakMap<RoleText, Roles>();

function questionRoles(question: RoleText): Roles {
  let roles = rolesRead.get(question);
  if (roles === undefined) {
    roles = readRoles(question);
    rolesRead.set(question, roles);
  }
  return roles;
}

/** Each phrasing's tokens and surfaces, with `entryOf(doc)` its entry. */
export function createRoleIndex(
  phrasings: readonly RoleText[],
  entryOf: ArrayLike<number>,
): RoleIndex {
  const byEntry = new Map<number, Set<string>>();
  phrasings.forEach((text, doc) => {
    const { triples: around, agents, actions } = readRoles(text);
    const triples = [...around, ...agents.map((p) => `${p}|does|`), ...actions];
    if (triples.length === 0) return;
    const e = at(entryOf, doc);
    let set = byEntry.get(e);
    if (set === undefined) {
      set = new Set();
      byEntry.set(e, set);
    }
    for (const t of triples) set.add(t);
  });
  return {
    conflicts(entry, question) {
      const known = byEntry.get(entry);
      if (known === undefined) return false;
      const roles = questionRoles(question);
      if (reversesAction(roles.actions, known)) return true;
      for (const triple of roles.triples) {
        const [l, role, r] = triple.split('|');
        if (!known.has(triple) && known.has(`${r}|${role}|${l}`)) return true;
      }
      // A place the entry only ever has things happen *in*, asked of as the doer.
      const placed = (place: string) => [...known].some((t) => t.endsWith(`|in|${place}`));
      return roles.agents.some((place) => !known.has(`${place}|does|`) && placed(place));
    },
  };
}
