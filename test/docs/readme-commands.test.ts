import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { PROJECT_ROOT, runScript } from '../support/run-script.js';

/**
 * The README cannot go stale: every npm command it shows names a real script, every flag and
 * sub-command it passes is one that command's --help lists, and the commands that need no
 * placeholder, network or minutes of work are run and must succeed.
 */
const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** Entry points whose --help text documents their flags, by npm script. */
const ENTRY_POINTS: Readonly<Record<string, string>> = {
  ask: 'adapters/cli/ask.ts',
  kb: 'adapters/cli/kb.ts',
  bench: 'test/bench/main.ts',
};

interface ShownCommand {
  readonly line: string;
  readonly script: string;
  readonly args: readonly string[];
}

function shellLines(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)];
  return blocks
    .flatMap((block) => (block[1] ?? '').split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npm ') || line.includes('| npm '));
}

/** Splits a command line into words, keeping "quoted phrases" whole. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function parseCommand(line: string): ShownCommand | undefined {
  const npm = line.slice(line.indexOf('npm '));
  const parts = words(npm).filter((word) => word !== '-s');
  if (parts[1] !== 'run') return { line, script: parts[1] ?? '', args: [] };
  const dashes = parts.indexOf('--');
  return {
    line,
    script: parts[2] ?? '',
    args: dashes === -1 ? [] : parts.slice(dashes + 1),
  };
}

const commands = shellLines(readme)
  .map(parseCommand)
  .filter((c): c is ShownCommand => c !== undefined);

/** A command is run only when it is quick, local and has no placeholder to fill in. */
function runnable(command: ShownCommand): boolean {
  if (/[|>]/.test(command.line)) return false;
  if (!['ask', 'kb'].includes(command.script)) return false;
  const placeholder = /path\/to|FILE|SET\b|<|…|\.\.\./;
  if (command.args.some((arg) => placeholder.test(arg))) return false;
  // A file made by an earlier line of the same block (`> shop.yaml`) is not there to read.
  const files = command.args.filter((arg) => /\.(ya?ml|md|txt)$/.test(arg));
  if (files.some((file) => !existsSync(join(PROJECT_ROOT, file)))) return false;
  // `review --accept` edits the shipped knowledge; `init`/`import` write or need files.
  return !['review', 'init', 'import'].includes(command.args[0] ?? '');
}

const helpTexts = new Map<string, Promise<string>>();
function helpOf(script: string): Promise<string> {
  const entry = ENTRY_POINTS[script];
  if (entry === undefined) return Promise.resolve('');
  let help = helpTexts.get(script);
  if (help === undefined) {
    help = runScript(entry, ['--help']).then((result) => result.stdout);
    helpTexts.set(script, help);
  }
  return help;
}

describe('README commands', () => {
  it('shows the two commands and the test command', () => {
    for (const shown of ['npm install', 'npm start', 'npm test']) expect(readme).toContain(shown);
  });

  it.each(commands.map((c) => [c.line, c] as const))('%s names a real npm script', (_, c) => {
    const builtIn = ['install', 'ci', 'test', 'start'];
    expect(builtIn.includes(c.script) || c.script in scripts).toBe(true);
  });

  it.each(commands.filter((c) => c.script in ENTRY_POINTS).map((c) => [c.line, c] as const))(
    '%s passes only flags and commands its --help lists',
    async (_, c) => {
      const help = await helpOf(c.script);
      for (const flag of c.args.filter((arg) => arg.startsWith('--'))) {
        expect(help, `${flag} in ${c.script} --help`).toContain(flag.split('=')[0] ?? flag);
      }
      const sub = c.args[0];
      if (c.script === 'kb' && sub !== undefined && !sub.startsWith('-')) {
        expect(help, `kb ${sub} in kb --help`).toMatch(new RegExp(`^\\s+${sub}\\b`, 'm'));
      }
    },
  );

  it.each(commands.filter(runnable).map((c) => [c.line, c] as const))(
    '%s runs and succeeds',
    async (_, c) => {
      const entry = ENTRY_POINTS[c.script] ?? '';
      const result = await runScript(entry, [...c.args], { timeoutMs: 60_000 });
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).not.toBe('');
    },
    90_000,
  );
});

describe('README knowledge example', () => {
  it('loads as written', async () => {
    const section = readme.slice(readme.indexOf('## The knowledge file'));
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    expect(yaml).toContain('entries:');
    const dir = await mkdtemp(join(tmpdir(), 'readme-kb-'));
    const file = join(dir, 'example.yaml');
    await writeFile(file, yaml);
    const knowledge = await loadKnowledge(file);
    expect(knowledge.entries.map((entry) => entry.id)).toEqual(['us-troops-iraq']);
  });
});

describe('README file tree', () => {
  /** The paths of the tree under "How a message flows", from its indentation. */
  function treePaths(): Set<string> {
    const section = readme.slice(readme.indexOf('## How a message flows'));
    const block = /```text\n(adapters\/[\s\S]*?)```/.exec(section)?.[1] ?? '';
    const paths = new Set<string>();
    const stack: string[] = [];
    for (const line of block.split('\n')) {
      const match = /^( *)(\S+)/.exec(line);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 2;
      stack.splice(depth, stack.length, (match[2] ?? '').replace(/\/$/, ''));
      paths.add(stack.join('/'));
    }
    return paths;
  }

  it('lists every module of src/ and adapters/, and nothing that is gone', () => {
    const listed = treePaths();
    const modules = ['src', 'adapters'].flatMap((dir) =>
      readdirSync(join(PROJECT_ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => `${dir}/${file.split(sep).join('/')}`),
    );
    expect(modules.filter((file) => !listed.has(file))).toEqual([]);
    const gone = [...listed].filter(
      (path) => /\.ts$/.test(path) && !existsSync(join(PROJECT_ROOT, path)),
    );
    expect(gone).toEqual([]);
  });
});

describe('README configuration', () => {
  it('lists exactly the variables .env.example documents', () => {
    const example = readFileSync(join(PROJECT_ROOT, '.env.example'), 'utf8');
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]).sort();
    const section = readme.slice(readme.indexOf('## Configuration'));
    const table = section.slice(0, section.indexOf('\n## '));
    const listed = [...table.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(documented);
  });
});
