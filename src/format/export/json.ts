import type { Analyses } from '../../analyses/index';
import type { SourceFile } from '../../load/source-file';
import type { Claim, Edge } from '../../model/types';
import { treeJson } from '../tree-json';

/** `argmap export --to json`: the argument model with positions (docs/json.md). */
export function toJson(source: SourceFile, analyses: Analyses): Record<string, unknown> {
  return { argmap: 1, format: 'argmap-json', version: 1, ...treeJson(source, analyses), relations: relationList(source, analyses) };
}

/**
 * Every relation of the file as one flat list, so a program need not walk the tree: supports and
 * attacks between claims, and undercuts, each `{ from, to, kind, ... }` with where it is written.
 * An undercut denies a relation: `denies` is that relation's index in this list, and `via` and `to`
 * are that relation's `from` and `to` (the inference it denies runs from `via` to `to`).
 */
/** The claim a relation ends at: an undercut's is that of the relation it denies. */
function claimOf(e: Edge): Claim {
  return e.kind === 'undercut' ? claimOf(e.to) : e.to;
}

function relationList(source: SourceFile, analyses: Analyses): Array<Record<string, unknown>> {
  const edges = analyses.graph.edges;
  const position = new Map<Edge, number>(edges.map((e, i) => [e, i]));
  return edges.map((e) => {
    const p = source.position(e.span.start);
    const where = { written: e.via, list: e.list, file: source.path, line: p.line, column: p.column };
    if (e.kind !== 'undercut') {
      return { from: e.from.key, to: e.to.key, kind: e.kind, ...(e.note !== undefined ? { note: e.note } : {}), ...where };
    }
    const denied = e.to;
    return { from: e.from.key, to: claimOf(denied).key, kind: 'undercut', via: denied.from.key, denies: position.get(denied)!, ...where };
  });
}
