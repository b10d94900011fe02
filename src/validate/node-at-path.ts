import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A node found by its data path, with the pair whose value it is (when it is a map value). */
export interface Located {
  node: Node | null;
  pair?: Pair;
}

/** Splits an ajv `instancePath` (a JSON Pointer) into its segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The pairs of each map by key, built the first time a key of that map is looked up: a map with N
 * unknown keys has N schema errors, and finding each one's pair by scanning the map would cost
 * O(N²). Share one index across the look-ups into one document.
 */
export class KeyIndex {
  private readonly maps = new WeakMap<YAMLMap, Map<string, Pair>>();

  /** The first pair of `map` whose key reads as `key`, as a scan of its items would find it. */
  pair(map: YAMLMap, key: string): Pair | undefined {
    let index = this.maps.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        if (!isPair(item)) continue;
        const name = isScalar(item.key) ? String(item.key.value) : String(item.key);
        if (!index.has(name)) index.set(name, item);
      }
      this.maps.set(map, index);
    }
    return index.get(key);
  }
}

/**
 * Walks the YAML document along a data path, following aliases, and returns the node found. Pass
 * one `keys` index to every look-up into the same document (many look-ups: see KeyIndex).
 */
export function nodeAtPath(doc: Document, segments: readonly string[], keys: KeyIndex = new KeyIndex()): Located {
  let node: Node | null = doc.contents;
  let pair: Pair | undefined;
  for (const segment of segments) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    if (isMap(node)) {
      const found = keys.pair(node, segment);
      if (!found) return { node, ...(pair ? { pair } : {}) };
      pair = found;
      node = (found.value as Node | null) ?? null;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return { node };
      pair = undefined;
      node = item;
    } else {
      break;
    }
  }
  if (isAlias(node)) node = node.resolve(doc) ?? node;
  return { node, ...(pair ? { pair } : {}) };
}
