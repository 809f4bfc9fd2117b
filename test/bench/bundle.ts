import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

/**
 * child.ts compiled once per bench run to one plain JavaScript file, so each child runs as
 * `node child.mjs`: under `--import tsx` the loader's hooks run in a worker thread with its own
 * V8 isolate (about 34 MB), and peak RSS would measure the TypeScript loader along with the
 * system. Packages stay external and the file is written under node_modules/ (gitignored), so
 * bare imports resolve from it exactly as they do from the sources.
 */
export function bundleChild(root: string): { readonly path: string; remove(): void } {
  const dir = join(root, 'node_modules', '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  // One file per bench process: a second run never overwrites the file a first one is using.
  const path = join(dir, `child-${process.pid}.mjs`);
  buildSync({
    entryPoints: [join(root, 'test', 'bench', 'child.ts')],
    outfile: path,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    packages: 'external',
    logLevel: 'warning',
  });
  return { path, remove: () => rmSync(path, { force: true }) };
}
