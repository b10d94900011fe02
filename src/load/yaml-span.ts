import { isScalar, type Node, type Pair } from 'yaml';
import type { Span } from '../diagnostics/diagnostic';

/**
 * The span of a node (its value, without trailing comments), or of the fallback (the key) when there
 * is no value: an empty value (`reasons:`) is a zero-width point after the colon, so point at its key.
 */
export function spanOf(node: Node | null | undefined, fallback?: Node | null): Span {
  const range = node?.range && node.range[1] > node.range[0] ? node.range : (fallback?.range ?? node?.range);
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

/** The key node of a pair, as a span. */
export function keySpan(pair: Pair): Span | undefined {
  return isScalar(pair.key) && pair.key.range ? { start: pair.key.range[0], end: pair.key.range[1] } : undefined;
}
