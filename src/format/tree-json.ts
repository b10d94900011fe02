import type { Analyses } from '../analyses/index';
import type { SourceFile } from '../load/source-file';
import { premisesLacking } from '../analyses/support';
import type { ArgFile, Claim, Edge, EdgeList, LinkedGroup, Source } from '../model/types';
import { viewOf } from '../view/index';

/**
 * The argument as a JSON tree that mirrors the file (`argmap outline --format json`, documented in
 * docs/cli.md): every claim with its evidence and its lists in document order, `ref` items in place,
 * and every item with its file, line and column.
 */
export function treeJson(source: SourceFile, analyses: Analyses) {
  const { graph, support } = analyses;
  const view = viewOf(analyses);
  const at = (offset: number) => {
    const p = source.position(offset);
    return { file: source.path, line: p.line, column: p.column };
  };

  // A `ref` or `targets` id as the file writes it (a qualified `file#id` keeps its file part).
  const writtenId = new Map<number, string>();
  for (const r of graph.references) if (r.field !== 'source') writtenId.set(r.span.start, r.id);
  const refId = (edge: Edge, claim: Claim) => writtenId.get(edge.span.start) ?? claim.key;

  const LISTS: EdgeList[] = ['reasons', 'risks', 'counterpoints', 'rebuttals'];
  // The linked groups written in a claim's lists (an undercut of a group is written in that group).
  const groupsUnder = new Map<Claim, LinkedGroup[]>();
  for (const group of graph.groups) {
    if (!group.parent || group.of) continue;
    const list = groupsUnder.get(group.parent);
    if (list) list.push(group);
    else groupsUnder.set(group.parent, [group]);
  }
  const written = (claim: Claim, list: EdgeList) => {
    // Claims written in the list, and `ref` items in it, in document order.
    // A linked group is one item (at its `together`), holding its premises and its undercuts.
    const items: Array<{ start: number; claim?: Claim; ref?: Edge; group?: LinkedGroup }> = [];
    for (const child of claim.children) {
      if (child.group) continue; // a premise or an answer of a group: written in the group
      if (child.link?.list === list || (!child.link && listOfKind(child) === list)) items.push({ start: child.span.start, claim: child });
    }
    for (const group of groupsUnder.get(claim) ?? []) if (group.list === list) items.push({ start: group.span.start, group });
    for (const edge of claim.incoming) {
      if (edge.group) continue;
      if (edge.via === 'ref' && edge.list === list) items.push({ start: edge.span.start, ref: edge });
    }
    return items.sort((a, b) => a.start - b.start);
  };

  const node = (claim: Claim): Record<string, unknown> => {
    const c = view.claims[claim.index]!;
    const out: Record<string, unknown> = {
      id: claim.key,
      ...(claim.id === undefined ? { path: claim.path } : {}),
      kind: claim.kind,
      ...(c.number ? { number: c.name } : {}),
      text: claim.text,
      ...(claim.quote !== undefined ? { quote: claim.quote } : {}),
      ...(claim.note !== undefined ? { note: claim.note } : {}),
      assumption: claim.assumption,
      ...(claim.kind === 'counterpoint' || claim.kind === 'rebuttal' ? { conceded: claim.conceded, undercut: claim.undercut } : {}),
      supported: support.supported[claim.index] === true,
      ...(support.why.has(claim.index) ? { unsupported: support.why.get(claim.index) } : {}),
      label: c.evaluation.label,
      status: c.evaluation.status,
      ...(c.counterpoint !== undefined ? { state: c.counterpoint } : {}),
      ...at(claim.span.start),
      evidence: claim.evidence.map((e) => ({
        text: e.text,
        source: e.sourceId ?? null,
        ...(e.quote !== undefined ? { quote: e.quote } : {}),
        ...(e.note !== undefined ? { note: e.note } : {}),
        ...at(e.span.start),
      })),
    };
    const targets = claim.outgoing.filter((e) => e.via === 'targets');
    if (targets.length > 0) out.targets = targets.map((e) => ({ ref: refId(e, e.to as Claim), ...at(e.span.start) }));
    for (const list of LISTS) {
      const items = written(claim, list);
      if (items.length === 0) continue;
      out[list] = items.map((item) => {
        if (item.claim) return node(item.claim);
        if (item.group) return linked(item.group);
        const ref = item.ref!;
        return { ref: refId(ref, ref.from), ...(ref.note !== undefined ? { note: ref.note } : {}), ...at(item.start) };
      });
    }
    return out;
  };

  const refItem = (edge: Edge) => ({
    ref: refId(edge, edge.from),
    ...(edge.note !== undefined ? { note: edge.note } : {}),
    ...at(edge.span.start),
  });

  /** `{ linked: true, premises, note?, supported?, lacking?, counterpoints? | rebuttals?, file, line, column }`. */
  const linked = (group: LinkedGroup): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      linked: true,
      premises: group.edges.map((edge) => (edge.via === 'tree' ? node(edge.from) : refItem(edge))),
      ...(group.note !== undefined ? { note: group.note } : {}),
      ...(group.kind === 'undercut' ? { undercut: true } : {}),
    };
    if (group.kind === 'support') {
      const lacking = premisesLacking(group, support.supported);
      out.supported = lacking.length === 0;
      if (lacking.length > 0) out.lacking = lacking.map((c) => c.key);
    }
    if (group.answers.length + group.answerGroups.length > 0) {
      const answers = [
        ...group.answers.map((c) => ({ start: c.span.start, item: () => node(c) })),
        ...group.answerGroups.map((g) => ({ start: g.span.start, item: () => linked(g) })),
      ];
      out[group.kind === 'support' ? 'counterpoints' : 'rebuttals'] = answers.sort((a, b) => a.start - b.start).map((x) => x.item());
    }
    Object.assign(out, at(group.span.start));
    return out;
  };

  // Top-level counterpoints, a linked objection among them as one item, in file order.
  const topLevel = [
    ...graph.claims
      .filter((c) => c.kind === 'counterpoint' && c.parent === undefined && !c.group)
      .map((c) => ({ start: c.span.start, item: () => node(c) })),
    ...graph.groups.filter((g) => /^counterpoints\[\d+\]$/.test(g.path)).map((g) => ({ start: g.span.start, item: () => linked(g) })),
  ]
    .sort((a, b) => a.start - b.start)
    .map((x) => x.item());
  return {
    file: source.path,
    title: graph.title ?? null,
    ...(graph.description !== undefined ? { description: graph.description } : {}),
    ...(graph.uses !== undefined ? { uses: graph.uses } : {}),
    document: graph.document,
    recommendation: graph.recommendation ? node(graph.recommendation) : null,
    counterpoints: topLevel,
    // The file's own sources; those of the files it uses are under `referenced` when it cites them.
    sources: graph.sources
      .filter((s) => s.file === graph.file)
      .map((s) => ({ ...sourceFields(s), citedBy: s.citedBy.length, ...at(s.span.start) })),
    ...referencedJson(analyses),
  };
}

function sourceFields(s: Source): Record<string, unknown> {
  return {
    id: s.id ?? null,
    ...Object.fromEntries(
      (['speaker', 'role', 'organization', 'venue', 'date', 'kind', 'url', 'quote', 'note'] as const).flatMap((k) =>
        s[k] !== undefined ? [[k, s[k]]] : [],
      ),
    ),
  };
}

/**
 * `referenced`: what the file names from the files it uses (`uses:`), so that the JSON stands alone:
 * per used file (in the order the graph reads them), each claim and source the file refers to by
 * `ref`, `targets` or `source`, with its text or fields and its position in its own file. Absent
 * when the file names nothing of another file.
 */
function referencedJson(analyses: Analyses): { referenced?: Array<Record<string, unknown>> } {
  const { graph } = analyses;
  const named = new Map<ArgFile, Set<Claim | Source>>();
  for (const r of graph.references) {
    const d = r.definition;
    if (!d?.file || d.file === graph.file) continue;
    (named.get(d.file) ?? named.set(d.file, new Set()).get(d.file)!).add(d.node);
  }
  if (named.size === 0) return {};
  const files = (graph.files ?? []).filter((f) => named.has(f));
  return {
    referenced: files.map((file) => {
      const nodes = [...named.get(file)!];
      const at = (offset: number) => {
        const p = file.source.position(offset);
        return { file: file.path, line: p.line, column: p.column };
      };
      const claims = nodes.filter((n): n is Claim => 'kind' in n && 'children' in n).sort((a, b) => a.index - b.index);
      const sources = nodes.filter((n): n is Source => 'citedBy' in n).sort((a, b) => a.index - b.index);
      return {
        file: file.path,
        name: file.name,
        claims: claims.map((c) => ({
          id: c.key,
          kind: c.kind,
          text: c.text,
          supported: analyses.support.supported[c.index] === true,
          ...at(c.span.start),
        })),
        sources: sources.map((s) => ({ ...sourceFields(s), ...at(s.span.start) })),
      };
    }),
  };
}

function listOfKind(claim: Claim): EdgeList {
  return claim.kind === 'risk'
    ? 'risks'
    : claim.kind === 'counterpoint'
      ? 'counterpoints'
      : claim.kind === 'rebuttal'
        ? 'rebuttals'
        : 'reasons';
}
