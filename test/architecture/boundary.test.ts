import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mts)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)];
  return specifiers.map((match) => match[1] ?? '');
}

const PLATFORM_SDKS = /^(discord\.js|@discordjs\/|@slack\/|ws$|express|pino|keyv$|@keyv\/|dotenv)/;

/** The longest a function may be, in lines from its first to its last (house style). */
const MAX_FUNCTION_LINES = 100;

interface LongFunction {
  readonly where: string;
  readonly lines: number;
}

/** Every function declaration, function expression, arrow function and method over the limit. */
function longFunctions(file: string): LongFunction[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const line = (position: number) => source.getLineAndCharacterOfPosition(position).line;
      const first = line(node.getStart(source));
      const lines = line(node.getEnd()) - first + 1;
      if (lines > MAX_FUNCTION_LINES) {
        const name = functionName(node);
        found.push({ where: `${file}:${first + 1} ${name}`, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A function's own name, or the name of the variable or property it is assigned to. */
function functionName(node: ts.Node): string {
  const named = node as ts.Node & { name?: ts.Node };
  if (named.name !== undefined && ts.isIdentifier(named.name)) return named.name.text;
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) {
    if (ts.isIdentifier(parent.name)) return parent.name.text;
  }
  return '(anonymous)';
}

/** The core modules a file loads when it runs: relative imports, type-only ones left out. */
function runtimeImportsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  return source.statements.flatMap((node) => {
    const typeOnly =
      (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly === true) ||
      (ts.isExportDeclaration(node) && node.isTypeOnly);
    const spec =
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
        ? node.moduleSpecifier.text
        : undefined;
    if (typeOnly || spec === undefined || !spec.startsWith('.')) return [];
    return [join(dirname(file), spec.replace(/\.js$/, '.ts'))];
  });
}

/** Import cycles among `files`, each written as the chain of files that closes it. */
function importCycles(files: readonly string[]): string[] {
  const graph = new Map(files.map((file) => [file, runtimeImportsOf(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (file: string, chain: string[]): void => {
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open')
        cycles.push([...chain.slice(chain.indexOf(next)), next].join(' → '));
      else if (state.get(next) === undefined && graph.has(next)) visit(next, [...chain, next]);
    }
    state.set(file, 'done');
  };
  for (const file of files) if (state.get(file) === undefined) visit(file, [file]);
  return cycles;
}

describe('architecture', () => {
  const core = sourceFiles('src');

  it('the core imports no platform SDK, store driver or logger implementation', () => {
    const offenders = core.flatMap((file) =>
      importsOf(file)
        .filter((spec) => PLATFORM_SDKS.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the core imports nothing from adapters', () => {
    const offenders = core.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.includes('/adapters/') || spec.startsWith('../adapters'))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('nothing imports the root of `natural` (it loads database drivers and prints to stdout)', () => {
    const files = [...core, ...sourceFiles('adapters')];
    const offenders = files.filter((file) => importsOf(file).some((spec) => spec === 'natural'));
    expect(offenders).toEqual([]);
  });

  it('the core never reads the environment', () => {
    const offenders = core.filter((file) =>
      /process\s*\.\s*env|loadEnvFile/.test(readFileSync(join(root, file), 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('only entry points read the environment', () => {
    const entryPoints = new Set([
      // Every entry point's environment, `.env` included (npm start, ask, kb).
      'adapters/read-env.ts',
      'adapters/discord/register-commands.ts',
      'adapters/discord/shard-main.ts',
    ]);
    const offenders = sourceFiles('adapters')
      .map((file) => relative(root, join(root, file)))
      .filter((file) => !entryPoints.has(file))
      .filter((file) => /process\s*\.\s*env\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('platform adapters reach the core only through its entry point, never the matcher, knowledge or store', () => {
    const platformFiles = sourceFiles('adapters').filter((file) =>
      /^adapters\/(discord|slack|console)\//.test(file),
    );
    const offenders = platformFiles.flatMap((file) =>
      importsOf(file)
        .filter((spec) => /src\/(matcher|knowledge|store)\/|^keyv$|^@keyv\/|^natural/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('adapters import the core only through src/index.ts', () => {
    const offenders = sourceFiles('adapters').flatMap((file) =>
      importsOf(file)
        .filter((spec) => /(^|\/)src\//.test(spec) && !/(^|\.\.\/)src\/index\.js$/.test(spec))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no module of the core imports itself through others (type-only imports aside)', () => {
    const modules = core.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
    expect(importCycles(modules)).toEqual([]);
  });

  it(`no function in src/ or adapters/ is over ${MAX_FUNCTION_LINES} lines`, () => {
    const found = [...core, ...sourceFiles('adapters')]
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .flatMap(longFunctions);
    const offenders = found.map((f) => `${f.where}: ${f.lines} lines`);
    expect(offenders, 'split these functions (house style: under 60 lines)').toEqual([]);
  });
});
