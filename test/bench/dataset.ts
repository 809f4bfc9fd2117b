import { readFileSync } from 'node:fs';

/** A data set in the CLINC150 layout: lists of [text, label]; out-of-scope lists are optional. */
export interface IntentDataset {
  readonly train: readonly Example[];
  readonly val: readonly Example[];
  readonly test: readonly Example[];
  readonly oos_train: readonly Example[];
  readonly oos_val: readonly Example[];
  readonly oos_test: readonly Example[];
}

export interface Example {
  readonly text: string;
  readonly label: string;
}

const SPLITS = ['train', 'val', 'test', 'oos_train', 'oos_val', 'oos_test'] as const;

function readSplit(data: Record<string, unknown>, name: string, path: string): Example[] {
  const raw = data[name];
  if (raw === undefined && name.startsWith('oos_')) return [];
  if (!Array.isArray(raw)) {
    throw new DatasetError(
      `${path}: "${name}" must be a list of [text, label] pairs (CLINC150 layout)`,
    );
  }
  return raw.map((pair, i) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new DatasetError(`${path}: ${name}[${i}] must be a [text, label] pair of strings`);
    }
    return { text: pair[0], label: pair[1] };
  });
}

/** The bench's data file is missing, unreadable or not in the CLINC150 layout. */
export class DatasetError extends Error {
  readonly code = 'BENCH_DATASET';
}

/** What to do about a bad data file, in one line: the bench prints it instead of a stack trace. */
const HINT =
  'the CLINC150 copy ships in test/bench/data/clinc150/ (restore it with "git checkout -- test/bench/data"), or pass --dataset PATH to a file in the CLINC150 JSON layout';

function readJson(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? String(cause);
    throw new DatasetError(`cannot read the data set ${path} (${reason}): ${HINT}`, { cause });
  }
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
      return data as Record<string, unknown>;
    }
  } catch (cause) {
    throw new DatasetError(`the data set ${path} is not valid JSON: ${HINT}`, { cause });
  }
  throw new DatasetError(`the data set ${path} is not a JSON object: ${HINT}`);
}

export function loadDataset(path: string): IntentDataset {
  const data = readJson(path);
  const [train, val, test, oosTrain, oosVal, oosTest] = SPLITS.map((s) => readSplit(data, s, path));
  return {
    train: train ?? [],
    val: val ?? [],
    test: test ?? [],
    oos_train: oosTrain ?? [],
    oos_val: oosVal ?? [],
    oos_test: oosTest ?? [],
  };
}

/** Training entries (one per label) from labelled examples. */
export function toEntries(examples: readonly Example[]): { id: string; phrasings: string[] }[] {
  const byLabel = new Map<string, string[]>();
  for (const e of examples) {
    const list = byLabel.get(e.label);
    if (list === undefined) byLabel.set(e.label, [e.text]);
    else list.push(e.text);
  }
  return [...byLabel].map(([id, phrasings]) => ({ id, phrasings }));
}
