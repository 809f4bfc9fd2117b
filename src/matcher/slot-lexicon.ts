/**
 * Words that name a slot a question can differ in from an entry's: places, nationalities, roles,
 * times and quantities. An unseen one ("germany", "president", "2019") most likely asks for a
 * fact the knowledge does not have, so it costs a question its full weight; an unseen everyday
 * word ("news", "already", "person") more often just rephrases the question, and costs less.
 */

const PLACES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
brunei bulgaria burkina burundi cambodia cameroon canada chad chile china colombia comoros congo
croatia cuba cyprus czechia czech denmark djibouti dominica ecuador egypt eritrea estonia eswatini
ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana
haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya kiribati korea kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius
mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore
slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
venezuela vietnam yemen zambia zimbabwe europe asia africa america antarctica oceania arctic
england scotland wales britain uk emirates uae gaza lebanon crimea kurdistan baghdad tehran damascus
beirut cairo riyadh doha manama amman jerusalem ankara kabul moscow beijing tokyo london paris berlin
rome madrid washington texas california florida virginia york chicago boston seattle atlanta dallas
houston denver ohio michigan toronto sydney dubai istanbul mumbai delhi karachi seoul okinawa guam
hawaii alaska africa asia gulf pacific atlantic mediterranean us usa`;

const NATIONALITIES = `afghan albanian algerian american argentine armenian australian austrian
bahraini bangladeshi belgian bolivian brazilian british bulgarian cambodian cameroonian canadian
chilean chinese colombian croatian cuban cypriot czech danish dutch egyptian emirati english eritrean
estonian ethiopian european filipino finnish french georgian german ghanaian greek haitian hungarian
icelandic indian indonesian iranian iraqi irish israeli italian jamaican japanese jordanian kenyan
korean kurdish kuwaiti lebanese libyan lithuanian malaysian mexican moroccan nepalese nigerian
norwegian omani pakistani palestinian peruvian polish portuguese qatari romanian russian saudi
scottish serbian singaporean slovak somali spanish sudanese swedish swiss syrian taiwanese thai
tunisian turkish ukrainian venezuelan vietnamese welsh yemeni western eastern northern southern
arab persian asian african`;

const ROLES = `president vice minister secretary general admiral colonel captain commander chief ceo cfo cto
director manager supervisor boss owner founder chairman chair governor mayor senator congressman
ambassador spokesperson spokesman spokeswoman king queen prince emperor pope official officer
lieutenant sergeant private major marine marines navy army airforce nato un judge lawyer doctor
nurse teacher professor student intern contractor employee employees staff member members partner
spouse wife husband child children kid kids parent parents mother father daughter son contractor
freelancer consultant agency temp temporary apprentice trainee volunteer visitor guest customer
client vendor supplier retiree retired former friend flatmate roommate housemate neighbour neighbor
girlfriend boyfriend fiance cousin sibling brother sister grandparent uncle aunt relative
subcontractor freelance casual seasonal graduate executive`;

/** The months and weekdays in calendar order: one list for the slot words, dates and stated times. */
export const MONTHS: readonly string[] =
  `january february march april may june july august september
october november december`.split(/\s+/);
export const WEEKDAYS: readonly string[] =
  'monday tuesday wednesday thursday friday saturday sunday'.split(' ');

const TIMES = `yesterday tomorrow tonight week weeks weekend month months year years decade decades century
${MONTHS.join(' ')} ${WEEKDAYS.join(' ')} morning afternoon evening night hour hours minute
minutes ago future past next previous annual annually daily weekly monthly`;

const QUANTITIES = `zero one two three four five six seven eight nine ten eleven twelve dozen hundred
hundreds thousand thousands million millions billion percent half quarter double triple`;

const words = (...lists: string[]) => new Set(lists.flatMap((list) => list.split(/\s+/)));
const ENTITY_WORDS: ReadonlySet<string> = words(PLACES, NATIONALITIES, ROLES);
const TIME_WORDS: ReadonlySet<string> = words(TIMES, QUANTITIES);
const PLACE_WORDS: ReadonlySet<string> = words(PLACES);

/** Whether a word names a place (a country, region or city), as "in …" does. */
export function isPlaceWord(token: string): boolean {
  return PLACE_WORDS.has(token);
}

/**
 * What kind of slot an unseen word names: `entity` (a place, nationality or role: another
 * subject, so another question) or `time` (a date, period or quantity: often only the asker's
 * framing, "…in 2024?"), or undefined for an everyday word.
 */
export function slotKind(surface: string): 'entity' | 'time' | undefined {
  const has = (set: ReadonlySet<string>) =>
    set.has(surface) || (surface.endsWith('s') && set.has(surface.slice(0, -1)));
  if (has(ENTITY_WORDS)) return 'entity';
  if (/\d/.test(surface) || has(TIME_WORDS)) return 'time';
  return undefined;
}

/** Whether an unseen word names a place, nationality, role, time or quantity (or is a number). */
export function isSlotWord(surface: string): boolean {
  return slotKind(surface) !== undefined;
}

/**
 * Times an answer can state as its own value: a weekday, a month, a frequency, a part of the
 * day ("paid monthly", "every Friday"). Asked of the entry whose answer says it, such a word is
 * that entry's, as a number its answer states is. Not the periods ("week", "year"), which
 * answers use to measure ("a 12-month period") more than to state when.
 */
// "may" is left out: "you may contribute more" states no month.
const STATED_TIMES: ReadonlySet<string> = words(
  MONTHS.filter((m) => m !== 'may').join(' '),
  WEEKDAYS.join(' '),
  'morning afternoon evening daily weekly fortnightly monthly annually yearly quarterly',
);

export function isStatedTime(surface: string): boolean {
  return STATED_TIMES.has(surface);
}

const NATIONALITY_LIST: readonly string[] = [...words(NATIONALITIES)];

/**
 * The nationality word of a place ("kuwait" → "kuwaiti", "germany" → "german"), read off the
 * spelling: the nationality that extends the place's name by at most three letters, or that the
 * name extends. Undefined when none does ("france", "lebanon").
 */
export function nationalityOf(place: string): string | undefined {
  if (!isPlaceWord(place)) return undefined;
  return NATIONALITY_LIST.find(
    (n) =>
      (n.startsWith(place) && n.length - place.length <= 3 && n !== place) ||
      (place.startsWith(n) && place.length - n.length <= 1 && n !== place),
  );
}
