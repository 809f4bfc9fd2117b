import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDataset } from './dataset.js';
import { runSystem } from './run-system.js';
import { runScale } from './scale.js';
import { bayes, nlpjs, ourMatcher } from './systems.js';
import { applyVariant, VARIANTS, type Variant } from './variants.js';

/**
 * Runs one system (or one scale size) in its own process, so peak RSS is that system's alone,
 * and writes its figures as JSON to --out. Libraries may print; the parent keeps stdout clean.
 */
console.log = console.error;
console.info = console.error;

const { values } = parseArgs({
  options: {
    system: { type: 'string' },
    dataset: { type: 'string' },
    scale: { type: 'string' },
    variant: { type: 'string', default: 'clean' },
    out: { type: 'string' },
  },
});
if (values.out === undefined || values.dataset === undefined) {
  throw new Error('child.ts needs --dataset and --out (main.ts bundles and starts it)');
}
const data = loadDataset(values.dataset);
let result: unknown;
if (values.scale !== undefined) {
  result = runScale(data, Number(values.scale));
} else {
  const make = { matcher: ourMatcher, nlpjs, 'natural-bayes': bayes }[values.system ?? ''];
  if (make === undefined) throw new Error(`unknown --system ${values.system}`);
  const variant = values.variant as Variant;
  if (!VARIANTS.includes(variant)) throw new Error(`unknown --variant ${values.variant}`);
  result = await runSystem(
    make() as Parameters<typeof runSystem>[0],
    applyVariant(data, variant),
    variant,
  );
}
writeFileSync(values.out, JSON.stringify(result));
process.exit(0);
