/**
 * What the scorer says about one question: each candidate's evidence and what the question
 * itself names. Apart from the scorer so that the evidence builder, the calibration and the
 * matcher read these types without importing how scoring is done, and candidate-evidence.ts,
 * which fills them in, does not import the scorer that imports it.
 */

/** Evidence about one candidate entry for one question. */
export interface CandidateEvidence {
  readonly entry: number;
  /** Cosine with the closest phrasing of the entry. */
  readonly nearest: number;
  /** Cosine with the entry's centroid. */
  readonly centroid: number;
  /** Share of the question's information weight found in this entry's phrasings. */
  readonly entryCoverage: number;
  /**
   * Share of the question's question words (who, when, which…) this entry's phrasings use: 1
   * when it has none. "Which base was attacked?" asks something the "how many were hurt in the
   * base attack" entry never answers, though it shares every other word.
   */
  readonly questionWords: number;
  readonly phrasing: number;
  /** The linear model's probability for this entry (0 when there is no linear model). */
  readonly linear: number;
  /** Ranking score (before calibration). */
  readonly score: number;
  /**
   * Largest share of the question's weight held by one word the knowledge knows but this entry
   * never uses ("iraqi" asked of an entry about U.S. troops), and by one word nothing knows.
   */
  readonly foreignMax: number;
  readonly unknownMax: number;
  /** Share of the entry's core words (those most of its phrasings use) that the question has. */
  readonly core: number;
  /**
   * The question lacks a place, time or role the entry's phrasings share, and names one they
   * rarely use instead ("iraqi soldiers" asked of an entry about U.S. troops at an Iraqi base).
   */
  readonly slotSwap: boolean;
  /** The question says what sets this entry apart from the others (`namesEntry`). */
  readonly namesEntry: boolean;
  /**
   * The entry's phrasings name many places or roles (or times and numbers): its slot is a free
   * parameter ("a flight to …"), so an unseen value is one more value, not another question.
   */
  readonly entitiesVary: boolean;
  readonly timesVary: boolean;
  /** The question names another place in the stead of the entry's (`placeSwapped`). */
  readonly placeSwap: boolean;
  /** The question names someone or somewhere the entry never speaks of (`namesOtherEntity`). */
  readonly otherEntity: boolean;
  /** The question shares only slot and background words with the entry (`sharesOnlySlots`). */
  readonly slotsOnly: boolean;
  /** The question names a word in the stead of the one the entry speaks of (`namesCounterpart`). */
  readonly counterpartNamed: boolean;
  /** The question names a number (or a place, time or role) only other entries use. */
  readonly foreignNumber: boolean;
  /** The question asks a rate in a unit ("per week") the entry never states one in. */
  readonly otherRate: boolean;
  /** The question counts something ("how many bank holidays") the entry gives no number of. */
  readonly countUnstated: boolean;
  /** The question reverses who does what to whom in this entry's phrasings. */
  readonly roleConflict: boolean;
  /** The question puts itself before, after or during where the entry's phrasings never do. */
  readonly timeConflict: boolean;
  /** The question asks where a word leads ("transition to?") and the entry never says. */
  readonly unsaidEndPoint: boolean;
  /** The question's content words are exactly those of the matched phrasing. */
  readonly sameContent: boolean;
}

export interface ScoredQuery {
  readonly normalized: string;
  /** Share of the question's information weight the knowledge knows at all. */
  readonly coverage: number;
  /**
   * `coverage` as it would be without the entry passed to `score` as `without`: its words that
   * no other entry uses count as unknown. Lets cross-validation ask "what if this entry were
   * missing?" without retraining. Equals `coverage` when no entry is given.
   */
  readonly coverageWithout: number;
  /** Best first. */
  readonly candidates: readonly CandidateEvidence[];
  /** The question names a place, role, time or number the knowledge never uses, and which. */
  readonly unseenSlot: 'entity' | 'time' | undefined;
  /** A word the knowledge never uses is what the question asks about (`AnalyzedText`). */
  readonly unseenObject: boolean;
  /** The question without its unseen dates and numbers (`AnalyzedText`). */
  readonly withoutUnseenTimes: string | undefined;
  /**
   * The two best entries are siblings that differ in a slot (full-time / part-time) and the
   * question names neither's: it leaves open what they differ in.
   */
  readonly openSlot: boolean;
  /**
   * The knowledge is a curated file of fixed facts (a few hundred phrasings), not a large set
   * of intents whose places, dates and details are free parameters: the slot rules apply.
   */
  readonly curated: boolean;
  /** Content words in the question (not function words or question words), and numbers. */
  readonly content: { readonly words: number; readonly numbers: number; readonly asks: boolean };
}
