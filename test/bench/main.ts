import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleChild } from './bundle.js';
import { DatasetError, loadDataset } from './dataset.js';
import type { SystemFigures } from './run-system.js';
import type { ScaleFigures } from './scale.js';
import { formatScaleTable, formatTable } from './table.js';
import { VARIANTS } from './variants.js';

/**
 * `npm run bench`: CLINC150 in the paper's threshold setting (train on `train`, choose the decline
 * cut-off on `val` + `oos_val`, report on `test` + `oos_test`) for our matcher and its peers, each
 * in its own child process. `--scale` times synthetic knowledge of growing size instead, and
 * `--cold-start` times `npm run ask` from a new process, with and without the training cache.
 */
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const DEFAULT_DATASET = resolve(root, 'test/bench/data/clinc150/data_full.json');
const SCALE_SIZES = [100, 1_000, 10_000, 50_000];

const { values } = parseArgs({
  options: {
    dataset: { type: 'string', default: DEFAULT_DATASET },
    baseline: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    load: { type: 'boolean', default: false },
    'cold-start': { type: 'boolean', default: false },
    'worst-case': { type: 'boolean', default: false },
    runs: { type: 'string', default: '7' },
    memory: { type: 'boolean', default: false },
    variants: { type: 'string', default: VARIANTS.join(',') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(`npm run bench -- [--dataset PATH] [--baseline all|none|nlpjs|natural-bayes] [--variants ${VARIANTS.join(',')}] [--json]
npm run bench -- --scale [--sizes 100,1000,10000,50000] [--json]
npm run bench -- --load [--memory] [--json]     (or --memory alone)
npm run bench -- --cold-start [--runs 7] [--json]
npm run bench -- --worst-case [--runs 7] [--json]
`);
  process.exit(0);
}

if (values['cold-start']) {
  const { formatColdStart, runColdStartBench } = await import('./cold-start.js');
  const figures = await runColdStartBench(Number(values.runs));
  process.stdout.write(`${values.json ? JSON.stringify(figures) : formatColdStart(figures)}\n`);
  process.exit();
}

if (values['worst-case']) {
  const { formatWorstCase, runWorstCaseBench } = await import('./worst-case.js');
  const figures = await runWorstCaseBench(Number(values.runs));
  process.stdout.write(`${values.json ? JSON.stringify(figures) : formatWorstCase(figures)}\n`);
  process.exit(figures.pass ? 0 : 1);
}

if (values.load || values.memory) {
  const { runLoadBench } = await import('./load/run-load-bench.js');
  await runLoadBench({ load: values.load, memory: values.memory, json: values.json });
  process.exit();
}

const dataset = resolve(values.dataset);
// Checked here, once, so a missing or broken file is one line and not a stack trace per child.
try {
  loadDataset(dataset);
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  process.stderr.write(`bench: ${error.message}\n`);
  process.exit(1);
}
const child = bundleChild(root);
const work = mkdtempSync(join(tmpdir(), 'bench-'));

/**
 * Runs the bundled child.ts in a fresh process; its own output goes to stderr so stdout stays
 * clean. `nodeArgs` are runtime flags: CLINC children get none, as the product runs; the scale
 * children keep a large heap for the 50,000-entry knowledge.
 */
function runChild<T>(args: string[], name: string, nodeArgs: string[] = []): Promise<T> {
  const out = join(work, `${name}.json`);
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [...nodeArgs, child.path, ...args, '--out', out], {
      cwd: root,
      stdio: ['ignore', 2, 2],
    });
    proc.on('error', fail);
    proc.on('exit', (code) => {
      if (code !== 0) fail(new Error(`${name} failed (exit ${code}); see its output above`));
      else done(JSON.parse(readFileSync(out, 'utf8')) as T);
    });
  });
}

function progress(line: string) {
  process.stderr.write(`${line}\n`);
}

try {
  if (values.scale) {
    const sizes = values.sizes ? values.sizes.split(',').map(Number) : SCALE_SIZES;
    const rows: ScaleFigures[] = [];
    for (const size of sizes) {
      progress(`scale: ${size} entries…`);
      rows.push(
        await runChild<ScaleFigures>(
          ['--dataset', dataset, '--scale', String(size)],
          `scale-${size}`,
          ['--max-old-space-size=6144'],
        ),
      );
    }
    if (!values.json) process.stdout.write(`${formatScaleTable(rows)}\n`);
    else process.stdout.write(`${JSON.stringify({ dataset, scale: rows })}\n`);
  } else {
    const peers =
      values.baseline === 'none'
        ? []
        : values.baseline === 'all'
          ? ['nlpjs', 'natural-bayes']
          : values.baseline.split(',');
    const rows: SystemFigures[] = [];
    // Each variant runs every system, ours first, so the table compares them in the same run.
    for (const variant of values.variants.split(',')) {
      for (const system of ['matcher', ...peers]) {
        progress(`${system} (${variant}): training and evaluating…`);
        rows.push(
          ...(await runChild<SystemFigures[]>(
            ['--dataset', dataset, '--system', system, '--variant', variant],
            `${system}-${variant}`,
          )),
        );
      }
    }
    if (!values.json) {
      process.stdout.write(`${formatTable(dataset, rows)}\n`);
    } else {
      // The clean run keeps the shape it always had; every variant's rows follow under `rows`.
      const clean = rows.filter((r) => r.variant === 'clean');
      const [ours, ...baselines] = clean.length > 0 ? clean : rows;
      const strip = ({
        system,
        inScopeAccuracy,
        oosRecall,
        trainSeconds,
        latencyMicros,
        peakRssMB,
        cutoff,
        riskCoverage,
        variant,
      }: SystemFigures) => ({
        system,
        variant,
        riskCoverage,
        inScopeAccuracy,
        oosRecall,
        trainSeconds,
        latencyMicros,
        peakRssMB,
        cutoff,
      });
      const { system: _, ...oursFields } = ours ? strip(ours) : ({} as ReturnType<typeof strip>);
      process.stdout.write(
        `${JSON.stringify({ dataset, ...oursFields, baselines: baselines.map(strip), rows: rows.map(strip) })}\n`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  child.remove();
}
