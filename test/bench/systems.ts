import { createRequire } from 'node:module';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { createMatcher } from '../../src/matcher/create-matcher.js';
import { decide } from '../../src/matcher/decide.js';
import type { MatchResult } from '../../src/matcher/matcher.js';
import { type Example, toEntries } from './dataset.js';
import type { Outcome } from './metrics.js';

/** One system under test, behind the same train / predict / cut-off interface. */
export interface BenchSystem<P> {
  readonly name: string;
  train(examples: readonly Example[]): Promise<void>;
  predict(text: string): P | Promise<P>;
  confidence(prediction: P): number;
  /** The label answered at this cut-off, or undefined when the system does not answer. */
  outcome(prediction: P, cutoff: number): Outcome;
  /** Whether the query is declined (a clarification is neither an answer nor a decline). */
  declined(prediction: P, cutoff: number): boolean;
  /** The system's own decline rule as a cut-off, reported as its own row. */
  readonly defaultCutoff?: number;
}

/** Our matcher with the bot's own decision rule (`decide`); the cut-off is chosen on validation. */
export function ourMatcher(): BenchSystem<MatchResult> {
  let matcher: ReturnType<typeof createMatcher> | undefined;
  const decision = (p: MatchResult, c: number) => decide(p, { answer: c, clarify: c });
  return {
    name: 'matcher',
    async train(examples) {
      matcher = createMatcher(toEntries(examples));
    },
    predict(text) {
      if (matcher === undefined) throw new Error('train() first');
      return matcher.match(text, 3);
    },
    confidence: (p) => p.candidates[0]?.confidence ?? 0,
    outcome(p, c) {
      const d = decision(p, c);
      return d.kind === 'answer' ? d.candidates[0]?.entry : undefined;
    },
    declined: (p, c) => decision(p, c).kind === 'decline',
  };
}

interface Labelled {
  readonly label: string;
  readonly score: number;
}

interface NlpManager {
  addLanguage(locale: string): void;
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
}

/** NLP.js (@nlpjs/basic), language en, one document per utterance, default "None" rule. */
export function nlpjs(): BenchSystem<Labelled> {
  let nlp: NlpManager | undefined;
  return {
    name: 'nlpjs',
    defaultCutoff: 0.5,
    async train(examples) {
      const require = createRequire(import.meta.url);
      const { dockStart } = require('@nlpjs/basic') as {
        dockStart(settings: unknown): Promise<{ get(name: string): NlpManager }>;
      };
      const dock = await dockStart({
        use: ['Basic'],
        settings: { nlp: { languages: ['en'], autoSave: false, autoLoad: false, threshold: 0 } },
      });
      const manager = dock.get('nlp');
      manager.addLanguage('en');
      for (const e of examples) manager.addDocument('en', e.text, e.label);
      await manager.train();
      nlp = manager;
    },
    async predict(text) {
      if (nlp === undefined) throw new Error('train() first');
      const r = await nlp.process('en', text);
      return { label: r.intent, score: r.score };
    },
    confidence: (p) => p.score,
    outcome: (p, c) => (p.label !== 'None' && p.score >= c ? p.label : undefined),
    declined: (p, c) => p.label === 'None' || p.score < c,
  };
}

/** natural's BayesClassifier; its confidence is the top class's share of the class scores. */
export function bayes(): BenchSystem<Labelled> {
  const classifier = new BayesClassifier();
  return {
    name: 'natural-bayes',
    defaultCutoff: 0,
    async train(examples) {
      for (const e of examples) classifier.addDocument(e.text, e.label);
      classifier.train();
    },
    predict(text) {
      const all = classifier.getClassifications(text);
      let sum = 0;
      for (const c of all) sum += c.value;
      const top = all[0];
      return { label: top?.label ?? '', score: top && sum > 0 ? top.value / sum : 0 };
    },
    confidence: (p) => p.score,
    outcome: (p, c) => (p.score >= c ? p.label : undefined),
    declined: (p, c) => p.score < c,
  };
}
