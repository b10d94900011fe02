import type { ArgumentGraph, Claim, Edge, LinkedGroup } from '../../model/types';

/** The scheme name argmap's AIF export gives the RA node that links a piece of evidence to its claim. */
export const EVIDENCE_SCHEME = 'argmap evidence';

/**
 * The graph as AIF JSON (AIFdb / OVA style): an I-node per claim and per piece of evidence, an RA
 * node per support, a CA node per attack (one with several premises per linked group), an undercut as a CA node aimed at the scheme node it
 * denies, and each evidence source as a participant with an L-node, a locution and a YA node
 * ("Asserting") anchoring the evidence. What AIF has no place for (ids, notes, quotes, flags, the
 * full source records) goes in a top-level `argmap` object, which other tools ignore and
 * `argmap import --from aif` reads back.
 */
export function toAif(graph: ArgumentGraph, timestamp = documentTimestamp(graph)): Record<string, unknown> {
  const nodes: Array<Record<string, unknown>> = [];
  const edges: Array<Record<string, unknown>> = [];
  const locutions: Array<Record<string, unknown>> = [];
  const participants: Array<Record<string, unknown>> = [];
  const extNodes: Record<string, Record<string, unknown>> = {};
  const extSources: Record<string, Record<string, unknown>> = {};
  let next = 1;
  const node = (type: string, text: string) => {
    const nodeID = String(next++);
    nodes.push({ nodeID, text, type, timestamp });
    return nodeID;
  };
  const edge = (fromID: string, toID: string) => edges.push({ edgeID: String(edges.length + 1), fromID, toID, formEdgeID: null });

  const participantOf = new Map<number, string>();
  graph.sources.forEach((s, i) => {
    const participantID = String(i + 1);
    participantOf.set(s.index, participantID);
    const name = s.speaker ?? s.id ?? `source ${i + 1}`;
    participants.push({ participantID, firstname: name, surname: '' });
    extSources[participantID] = Object.fromEntries(
      (['id', 'speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note'] as const).flatMap((k) =>
        s[k] !== undefined ? [[k, s[k]]] : [],
      ),
    );
  });

  const claimNode = new Map<Claim, string>();
  for (const claim of graph.claims) {
    const id = node('I', claim.text);
    claimNode.set(claim, id);
    const ext: Record<string, unknown> = {};
    if (claim.id !== undefined) ext.id = claim.id;
    if (claim.quote !== undefined) ext.quote = claim.quote;
    if (claim.note !== undefined) ext.note = claim.note;
    if (claim.assumption) ext.assumption = true;
    if (claim.conceded) ext.conceded = true;
    if (claim.kind === 'risk') ext.risk = true;
    // A claim of a file the exported one uses: included so that relations across files are kept.
    if (claim.file && claim.file !== graph.file) ext.file = claim.file.path;
    if (Object.keys(ext).length > 0) extNodes[id] = ext;
  }
  for (const evidence of graph.evidence) {
    const id = node('I', evidence.text);
    const ra = node('RA', EVIDENCE_SCHEME);
    edge(id, ra);
    edge(ra, claimNode.get(evidence.claim)!);
    const ext: Record<string, unknown> = {};
    if (evidence.quote !== undefined) ext.quote = evidence.quote;
    if (evidence.note !== undefined) ext.note = evidence.note;
    if (Object.keys(ext).length > 0) extNodes[id] = ext;
    const source = evidence.source;
    if (source) {
      const speaker = source.speaker ?? source.id ?? 'unknown';
      const l = node('L', `${speaker} : ${evidence.text}`);
      const ya = node('YA', 'Asserting');
      edge(l, ya);
      edge(ya, id);
      locutions.push({
        nodeID: l,
        personID: participantOf.get(source.index)!,
        timestamp,
        start: null,
        end: null,
        source: source.url ?? null,
      });
    }
  }
  // One scheme node per edge, and one per linked group: each premise points into it, and it points
  // once at the conclusion (an RA or CA node with several premises, as AIF writes a linked argument).
  const schemeNode = new Map<Edge, string>();
  const groupNode = new Map<LinkedGroup, string>();
  for (const e of graph.edges) {
    const known = e.group && groupNode.get(e.group);
    if (known) {
      schemeNode.set(e, known);
      continue;
    }
    const id = node(e.kind === 'support' ? 'RA' : 'CA', e.kind === 'support' ? 'Default Inference' : 'Default Conflict');
    schemeNode.set(e, id);
    // A relation written as a `ref` item (and its note): so the import writes it as one again.
    if (e.group) {
      groupNode.set(e.group, id);
      if (e.group.note !== undefined) extNodes[id] = { note: e.group.note };
    } else if (e.kind !== 'undercut' && e.via === 'ref') extNodes[id] = { ref: true, ...(e.note !== undefined ? { note: e.note } : {}) };
  }
  const linked = new Set<string>();
  for (const e of graph.edges) {
    const id = schemeNode.get(e)!;
    if (e.group) {
      const key = `${e.from.index}>${id}`;
      if (linked.has(key)) continue; // a premise listed twice in its group: one edge
      linked.add(key);
    }
    edge(claimNode.get(e.from)!, id);
    if (!e.group || e.group.edges[0] === e) edge(id, e.kind === 'undercut' ? schemeNode.get(e.to)! : claimNode.get(e.to)!);
  }
  const ext: Record<string, unknown> = { version: 1 };
  if (graph.title !== undefined) ext.title = graph.title;
  if (graph.description !== undefined) ext.description = graph.description;
  if (graph.uses !== undefined) ext.uses = graph.uses;
  if (Object.keys(graph.document).length > 0) ext.document = graph.document;
  ext.nodes = extNodes;
  ext.sources = extSources;
  return { nodes, edges, locutions, participants, argmap: ext };
}

/**
 * The timestamp every exported node carries: the document's date when the file gives one, else the
 * epoch. Never the clock: the same file exports to the same bytes.
 */
function documentTimestamp(graph: ArgumentGraph): string {
  const date = graph.document.date;
  if (date !== undefined && /^\d{4}(-\d{2}){0,2}$/.test(date)) {
    const [y, m = '01', d = '01'] = date.split('-');
    return `${y}-${m}-${d} 00:00:00`;
  }
  return '1970-01-01 00:00:00';
}
