import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { type ImportFormat, importKnowledge, toKnowledgeYaml } from '../../src/index.js';

export interface ImportArgs {
  readonly file: string | undefined;
  readonly format: string | undefined;
  readonly publication: string | undefined;
  readonly out: string | undefined;
}

const FORMATS = new Set<string>(['faq', 'document']);

/**
 * `kb import FILE`: a Markdown FAQ or a document as a knowledge file, on standard output (or in
 * `--out FILE`, which also points `source.document` at the input). The file reading and writing
 * are here; what becomes an entry is decided in `src/authoring`.
 */
export async function runImport(args: ImportArgs): Promise<number> {
  const { file, format, out } = args;
  if (file === undefined) {
    process.stderr.write(
      'kb import: name the file to import, for example: npm run -s kb -- import faq.md > knowledge/faq.yaml\n',
    );
    return 2;
  }
  if (format !== undefined && format !== 'auto' && !FORMATS.has(format)) {
    process.stderr.write(`kb import: --format must be faq, document or auto, not "${format}"\n`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`kb import: cannot read ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const result = importKnowledge(text, {
    format: format === 'auto' ? undefined : (format as ImportFormat | undefined),
    publication: args.publication,
    fallbackName: basename(file, extname(file)),
  });
  if (result.entries.length === 0) {
    process.stderr.write(
      `kb import: found nothing to import in ${file} (${result.format}): an FAQ needs "## question?" headings, a document sentences with numbers, quotes or "said …"\n`,
    );
    return 1;
  }
  const documentPath = out && relative(dirname(resolve(out)), resolve(file));
  const yaml = toKnowledgeYaml(result, { input: file, output: out, documentPath });
  if (out === undefined) {
    process.stdout.write(yaml);
    return 0;
  }
  try {
    await writeFile(out, yaml, { flag: 'wx' });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    process.stderr.write(
      `kb import: not writing ${out}: ${exists ? 'it already exists' : (error as Error).message}\n`,
    );
    return 1;
  }
  process.stderr.write(
    `Wrote ${out}: ${result.entries.length} entries from ${file}, marked review: generated.\n`,
  );
  return 0;
}
