import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { Span } from '../diagnostics/diagnostic';
import { parse } from '../load/parse';
import type { SourceFile } from '../load/source-file';
import type { ArgumentGraph, Claim, ClaimKind } from '../model/types';
import type { EditorText } from './text';
import { mappingsByStart } from './yaml-nodes';

const KIND: Record<ClaimKind, SymbolKind> = {
  recommendation: SymbolKind.Class,
  reason: SymbolKind.Property,
  risk: SymbolKind.Event,
  counterpoint: SymbolKind.Operator,
  rebuttal: SymbolKind.Operator,
};

/** A claim's name in the outline: its id, or the start of its text. */
function nameOf(claim: Claim): string {
  if (claim.id !== undefined) return claim.id;
  const text = claim.text.replace(/\s+/g, ' ').trim();
  if (text === '') return claim.path;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * The outline of a file for the editor's outline view: the recommendation with its reasons and
 * risks, the counterpoints and rebuttals under what they are written under, and the top-level
 * counterpoints; each spans its whole mapping, its id (or first line) selected.
 */
export function documentSymbols(graph: ArgumentGraph, source: SourceFile, text: EditorText): DocumentSymbol[] {
  const maps = mappingsByStart(parse(source).doc);
  const extent = (claim: Claim): Span => {
    const range = maps.get(claim.span.start)?.range;
    return range ? { start: range[0], end: Math.max(range[1], claim.span.end) } : claim.span;
  };
  const symbol = (claim: Claim): DocumentSymbol => ({
    name: nameOf(claim),
    detail: claim.kind,
    kind: KIND[claim.kind],
    range: text.range(extent(claim)),
    selectionRange: text.range(claim.idSpan ?? claim.span),
    children: claim.children.filter((c) => c.file === claim.file).map(symbol),
  });
  const tops = graph.claims.filter((c) => c.parent === undefined && c.file === graph.file);
  return tops.map(symbol);
}
