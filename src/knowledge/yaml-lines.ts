import type { Document, LineCounter } from 'yaml';
import { isMap, isScalar } from 'yaml';

type Path = readonly (string | number)[];

/** Line numbers of nodes in a parsed YAML document, for messages that point into the file. */
export interface YamlLines {
  /** The line of the node at `path`, if it exists. */
  of(path: Path): number | undefined;
  /** The line of the node at `path`, or of its closest ancestor that exists (a missing field has no node). */
  nearest(path: Path): number | undefined;
  /** The line of the key `key` of the mapping at `path` (an unknown field has a key, not a value worth pointing at). */
  key(path: Path, key: string): number | undefined;
}

export function createYamlLines(doc: Document, lineCounter: LineCounter): YamlLines {
  const lineAt = (offset: unknown) =>
    typeof offset === 'number' ? lineCounter.linePos(offset).line : undefined;
  const nodeAt = (path: Path): unknown =>
    path.length === 0 ? doc.contents : doc.getIn(path, true);
  const of = (path: Path) => {
    const node = nodeAt(path);
    const range = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
    return Array.isArray(range) ? lineAt(range[0]) : undefined;
  };
  return {
    of,
    nearest(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const line = of(path.slice(0, depth));
        if (line !== undefined) return line;
      }
      return undefined;
    },
    key(path, key) {
      const map = nodeAt(path);
      if (!isMap(map)) return undefined;
      const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      return isScalar(pair?.key) ? lineAt(pair.key.range?.[0]) : undefined;
    },
  };
}
