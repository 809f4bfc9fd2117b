import { writeFile } from 'node:fs/promises';
import { STARTER_KNOWLEDGE } from '../../src/index.js';

/** `kb init FILE`: writes the commented starter knowledge file, never over an existing file. */
export async function runInit(file: string | undefined): Promise<number> {
  if (file === undefined) {
    process.stderr.write(
      'kb init: name the file to create, for example: npm run kb -- init knowledge/my-faq.yaml\n',
    );
    return 2;
  }
  try {
    // "wx" fails if the file exists: someone's knowledge is never overwritten by a template.
    await writeFile(file, STARTER_KNOWLEDGE.replaceAll('THIS_FILE', file), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST'
        ? 'it already exists; choose another name or delete it first'
        : String(error);
    process.stderr.write(`kb init: not writing ${file}: ${why}\n`);
    return 1;
  }
  process.stdout.write(
    `Wrote ${file}: two example entries with every field explained.\nNext: edit it, then run: npm run kb -- check --knowledge ${file}\n`,
  );
  return 0;
}
