import type { Analyses } from '../../analyses/index';
import type { SourceFile } from '../../load/source-file';
import type { ArgumentGraph, Claim, Edge } from '../../model/types';
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

/** A claim's id in this file's JSON: a claim of a used file qualified with its file's name (`editorial#replace-now`). */
function keyIn(graph: ArgumentGraph, claim: Claim): string {
  return claim.file && graph.file && claim.file !== graph.file ? `${claim.file.name}#${claim.key}` : claim.key;
}

function relationList(source: SourceFile, analyses: Analyses): Array<Record<string, unknown>> {
  const { graph } = analyses;
  // The relations written in this file (those across files included); a used file's own are its own.
  const edges = graph.edges.filter((e) => e.file === graph.file);
  const position = new Map<Edge, number>(edges.map((e, i) => [e, i]));
  const key = (c: Claim) => keyIn(graph, c);
  return edges.map((e) => {
    const p = source.position(e.span.start);
    const where = { written: e.via, list: e.list, file: source.path, line: p.line, column: p.column };
    if (e.kind !== 'undercut') {
      return { from: key(e.from), to: key(e.to), kind: e.kind, ...(e.note !== undefined ? { note: e.note } : {}), ...where };
    }
    const denied = e.to;
    const at = position.get(denied);
    return {
      from: key(e.from),
      to: key(claimOf(denied)),
      kind: 'undercut',
      via: key(denied.from),
      ...(at !== undefined ? { denies: at } : {}),
      ...where,
    };
  });
}
