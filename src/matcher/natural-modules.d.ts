// Types for the deep `natural` imports we use: the package root is never imported (it loads
// database drivers and prints to stdout), and its bundled types describe only the root.

declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const porterStemmer: { stem(token: string): string };
  export default porterStemmer;
}

declare module 'natural/lib/natural/tokenizers/regexp_tokenizer.js' {
  export class RegexpTokenizer {
    constructor(options: { pattern: RegExp; gaps?: boolean });
    tokenize(text: string): string[];
  }
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  interface DistanceOptions {
    readonly insertion_cost?: number;
    readonly deletion_cost?: number;
    readonly substitution_cost?: number;
    readonly transposition_cost?: number;
    readonly restricted?: boolean;
  }
  const distances: {
    DamerauLevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
    LevenshteinDistance(source: string, target: string, options?: DistanceOptions): number;
  };
  export default distances;
}

declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  export default function jaroWinklerDistance(
    a: string,
    b: string,
    options?: { ignoreCase?: boolean },
  ): number;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const stopwords: { words: readonly string[] };
  export default stopwords;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  export default class BayesClassifier {
    addDocument(text: string, label: string): void;
    train(): void;
    classify(text: string): string;
    getClassifications(text: string): { label: string; value: number }[];
  }
}

declare module 'natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger.js' {
  const BrillPOSTagger: new (
    lexicon: unknown,
    rules: unknown,
  ) => {
    tag(words: readonly string[]): {
      readonly taggedWords: readonly { readonly token: string; readonly tag: string }[];
    };
  };
  export default BrillPOSTagger;
}

declare module 'natural/lib/natural/brill_pos_tagger/lib/Lexicon.js' {
  const Lexicon: new (language: string, defaultCategory: string, capitalised: string) => unknown;
  export default Lexicon;
}

declare module 'natural/lib/natural/brill_pos_tagger/lib/RuleSet.js' {
  const RuleSet: new (language: string) => unknown;
  export default RuleSet;
}
