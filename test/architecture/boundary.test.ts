import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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

const PLATFORM_SDKS = /^(discord\.js|@discordjs\/|@slack\/|ws$|express|pino|@keyv\/|dotenv)/;

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
      'adapters/main.ts',
      'adapters/cli/kb.ts',
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
});
