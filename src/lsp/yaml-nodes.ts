import { isMap, isSeq, visit, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * The mappings of a parsed document by where they start: a claim's `span` starts where its mapping
 * does, so the mapping (for its whole extent, or to add a key to it) is found by that offset.
 */
export function mappingsByStart(doc: Document): Map<number, YAMLMap> {
  const found = new Map<number, YAMLMap>();
  visit(doc, {
    Map(_key, node) {
      if (node.range) found.set(node.range[0], node);
    },
  });
  return found;
}

/** The top-level `sources` list, when the file has one. */
export function sourcesList(doc: Document): YAMLSeq | undefined {
  const top = doc.contents;
  if (!isMap(top)) return undefined;
  const sources = top.get('sources', true);
  return isSeq(sources) ? sources : undefined;
}
