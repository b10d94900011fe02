import { parseDocument, type Document, type Node } from 'yaml';
import { EVIDENCE_SCHEME } from '../format/export/aif';
import type { SourceFile } from '../load/source-file';
import { IdPool, slug } from '../model/ids';
import { InterchangeError } from './errors';
import type { ImportClaim, ImportGraph, ImportSource } from './import-graph';

/**
 * AIF JSON as AIFdb and OVA publish it: `nodes` ({nodeID, text, type, timestamp}), `edges`
 * ({edgeID, fromID, toID}), optional `locutions` ({nodeID, personID, timestamp, ...}) and
 * `participants` ({participantID, firstname, surname}). See docs/interchange.md for the mapping.
 */

const NODE_TYPES = ['I', 'L', 'RA', 'CA', 'MA', 'PA', 'YA', 'TA'] as const;
type NodeType = (typeof NODE_TYPES)[number];

interface AifNode {
  id: string;
  type: NodeType;
  text: string;
  timestamp?: string;
  path: string;
  in: AifNode[];
  out: AifNode[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const idOf = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/**
 * Offsets of JSON paths, from the `yaml` package (which reads JSON and keeps every node's range).
 * The file is read this second way only when a problem needs a position: most imports have none.
 */
function locator(source: SourceFile) {
  let doc: Document | undefined;
  let read = false;
  return (path: Array<string | number>): number => {
    if (!read) {
      read = true;
      try {
        const parsed = parseDocument(source.text, { prettyErrors: false });
        if (parsed.errors.length === 0) doc = parsed;
      } catch {
        doc = undefined;
      }
    }
    for (let n = path.length; n >= 0 && doc; n--) {
      const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | undefined;
      if (node?.range) return node.range[0];
    }
    return 0;
  };
}

function jsonErrorOffset(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : '';
  const pos = /at position (\d+)/.exec(message);
  if (pos) return Number(pos[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    let offset = 0;
    for (let line = 1; line < Number(lc[1]); line++) offset = text.indexOf('\n', offset) + 1;
    return offset + Number(lc[2]) - 1;
  }
  if (/end of JSON input/.test(message)) return text.length;
  // No position in the message (newer V8 quotes the text instead): the longest prefix that is only
  // incomplete, not wrong, ends where the error is.
  const wrong = (n: number) => {
    try {
      JSON.parse(text.slice(0, n));
      return false;
    } catch (e) {
      const m = (e as Error).message;
      if (/end of JSON input/.test(m)) return false;
      const at = /position (\d+)/.exec(m);
      return at ? Number(at[1]) < n : true;
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wrong(mid + 1)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function parseAif(source: SourceFile): ImportGraph {
  let data: unknown;
  try {
    data = JSON.parse(source.text);
  } catch (error) {
    const detail = (error instanceof Error ? error.message : String(error))
      .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '');
    throw InterchangeError.at(source, jsonErrorOffset(error, source.text), `not JSON: ${detail}`);
  }
  const at = locator(source);
  // OVA and xAIF files wrap the map: { "AIF": { nodes, edges, ... }, "OVA": ..., "text": ... }.
  let prefix: Array<string | number> = [];
  if (isObject(data) && !Array.isArray(data.nodes)) {
    const key = ['AIF', 'aif'].find((k) => isObject((data as Record<string, unknown>)[k]));
    if (key !== undefined) {
      prefix = [key];
      data = (data as Record<string, unknown>)[key];
    }
  }
  const fail = (path: Array<string | number>, detail: string) =>
    InterchangeError.at(source, at([...prefix, ...path]), `${detail} (at ${jsonPath([...prefix, ...path])})`);
  if (!isObject(data)) throw fail([], 'not an AIF map: expected a JSON object with "nodes" and "edges"');
  if (!Array.isArray(data.nodes)) throw fail(['nodes'], 'not an AIF map: expected a "nodes" array');
  if (!Array.isArray(data.edges)) throw fail(['edges'], 'not an AIF map: expected an "edges" array');

  const nodes = new Map<string, AifNode>();
  data.nodes.forEach((raw, i) => {
    if (!isObject(raw)) throw fail(['nodes', i], 'a node must be an object with nodeID, text and type');
    const id = idOf(raw.nodeID);
    if (id === undefined) throw fail(['nodes', i], 'node has no nodeID');
    if (nodes.has(id)) throw fail(['nodes', i, 'nodeID'], `nodeID ${id} appears twice`);
    if (!(NODE_TYPES as readonly unknown[]).includes(raw.type)) {
      throw fail(['nodes', i, 'type'], `node ${id} has type ${JSON.stringify(raw.type)}; expected one of ${NODE_TYPES.join(', ')}`);
    }
    const text = typeof raw.text === 'string' ? raw.text.trim() : '';
    if (raw.type === 'I' && text === '') throw fail(['nodes', i, 'text'], `I-node ${id} has no text`);
    const node: AifNode = { id, type: raw.type as NodeType, text, path: `nodes[${i}]`, in: [], out: [] };
    if (typeof raw.timestamp === 'string') node.timestamp = raw.timestamp;
    nodes.set(id, node);
  });
  const edgeSeen = new Set<string>();
  data.edges.forEach((raw, i) => {
    if (!isObject(raw)) throw fail(['edges', i], 'an edge must be an object with fromID and toID');
    const from = idOf(raw.fromID);
    const to = idOf(raw.toID);
    if (from === undefined || !nodes.has(from))
      throw fail(
        ['edges', i, 'fromID'],
        `edge ${idOf(raw.edgeID) ?? i} comes from ${from === undefined ? 'no node' : `node ${from}, which is not in "nodes"`}`,
      );
    if (to === undefined || !nodes.has(to))
      throw fail(
        ['edges', i, 'toID'],
        `edge ${idOf(raw.edgeID) ?? i} goes to ${to === undefined ? 'no node' : `node ${to}, which is not in "nodes"`}`,
      );
    if (edgeSeen.has(`${from}>${to}`)) return;
    edgeSeen.add(`${from}>${to}`);
    nodes.get(from)!.out.push(nodes.get(to)!);
    nodes.get(to)!.in.push(nodes.get(from)!);
  });

  // argmap's own extension (written by `argmap export --to aif`): ids, flags and full source records.
  const ext = isObject(data.argmap) ? data.argmap : {};
  const extNodes = isObject(ext.nodes) ? ext.nodes : {};
  const extSources = isObject(ext.sources) ? ext.sources : {};

  const graph: ImportGraph = { sources: [], claims: [], relations: [], undercuts: [], unmapped: [], mapped: [] };
  if (typeof ext.title === 'string' && ext.title.trim() !== '') graph.title = ext.title;
  if (typeof ext.description === 'string') graph.description = ext.description;
  if (isObject(ext.document)) {
    graph.document = Object.fromEntries(
      Object.entries(ext.document).flatMap(([k, v]) => (typeof v === 'string' || typeof v === 'number' ? [[k, String(v)]] : [])),
    );
  }
  const ids = new IdPool();
  const claimOf = new Map<string, ImportClaim>();
  const count: Record<string, number> = {};
  for (const node of nodes.values()) count[node.type] = (count[node.type] ?? 0) + 1;

  // Who said it: participants, locutions, L-node text "Name : words".
  const participants = new Map<string, string>();
  if (Array.isArray(data.participants)) {
    for (const p of data.participants) {
      if (!isObject(p)) continue;
      const id = idOf(p.participantID);
      const name = [p.firstname, p.surname]
        .filter((s) => typeof s === 'string' && s.trim() !== '')
        .join(' ')
        .trim();
      if (id !== undefined && name !== '') participants.set(id, name);
    }
  }
  const locutions = new Map<string, Json>();
  if (Array.isArray(data.locutions)) {
    for (const l of data.locutions) if (isObject(l) && idOf(l.nodeID) !== undefined) locutions.set(idOf(l.nodeID)!, l);
  }
  const sourceIds = new Map<string, ImportSource>();
  const sourceFor = (l: AifNode): { source: ImportSource; words: string } | undefined => {
    const locution = locutions.get(l.id);
    const person = locution ? idOf(locution.personID) : undefined;
    const split = says(l.text) ?? /^(.{1,80}?)\s+:\s+([\s\S]*)$/.exec(l.text) ?? /^([^:]{1,80}):\s+([\s\S]*)$/.exec(l.text);
    const speaker = (person !== undefined ? participants.get(person) : undefined) ?? split?.[1]?.trim();
    if (!speaker) return undefined;
    const words = split?.[2]?.trim() || l.text;
    const key = person !== undefined ? `p:${person}` : `s:${speaker}`;
    let source = sourceIds.get(key);
    if (!source) {
      const record = person !== undefined && isObject(extSources[person]) ? extSources[person] : undefined;
      if (record && typeof record.id === 'string') {
        source = { id: ids.take(record.id, 'source') };
        for (const field of ['speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note'] as const) {
          if (typeof record[field] === 'string' || typeof record[field] === 'number') source[field] = String(record[field]);
        }
      } else {
        source = { id: ids.take(slug(speaker, 4), 'speaker'), speaker, kind: 'statement' };
      }
      sourceIds.set(key, source);
      graph.sources.push(source);
    }
    return { source, words };
  };

  // Evidence written by argmap's own export: an I-node whose only job is an RA named EVIDENCE_SCHEME.
  const isEvidence = (node: AifNode) =>
    node.type === 'I' &&
    node.in.every((n) => n.type === 'YA') &&
    node.out.length === 1 &&
    node.out[0]!.type === 'RA' &&
    node.out[0]!.text === EVIDENCE_SCHEME &&
    node.out[0]!.out.length === 1 &&
    node.out[0]!.out[0]!.type === 'I' &&
    node.out[0]!.in.length === 1;

  for (const node of nodes.values()) {
    if (node.type !== 'I' || isEvidence(node)) continue;
    const ext = isObject(extNodes[node.id]) ? (extNodes[node.id] as Json) : {};
    const claim: ImportClaim = {
      id: ids.take(typeof ext.id === 'string' ? ext.id : slug(node.text), `node-${slug(node.id) || 'x'}`),
      text: node.text,
      origin: `I-node ${node.id}`,
      evidence: [],
    };
    for (const flag of ['assumption', 'conceded', 'risk'] as const) if (ext[flag] === true) claim[flag] = true;
    for (const field of ['quote', 'note'] as const) if (typeof ext[field] === 'string') claim[field] = ext[field];
    claimOf.set(node.id, claim);
    graph.claims.push(claim);
  }

  // Evidence, and who said each claim (L → YA → I).
  let attributed = 0;
  const anchoredL = new Set<string>();
  for (const node of nodes.values()) {
    if (node.type !== 'I') continue;
    const speakers = node.in.filter((ya) => ya.type === 'YA').flatMap((ya) => ya.in.filter((l) => l.type === 'L'));
    if (isEvidence(node)) {
      const claim = claimOf.get(node.out[0]!.out[0]!.id)!;
      const said = speakers.map((l) => (anchoredL.add(l.id), sourceFor(l))).find(Boolean);
      const ext = isObject(extNodes[node.id]) ? (extNodes[node.id] as Json) : {};
      claim.evidence.push({
        text: node.text,
        ...(said ? { source: said.source.id } : {}),
        ...(typeof ext.quote === 'string' ? { quote: ext.quote } : {}),
        ...(typeof ext.note === 'string' ? { note: ext.note } : {}),
      });
      continue;
    }
    const claim = claimOf.get(node.id)!;
    for (const l of speakers) {
      anchoredL.add(l.id);
      const said = sourceFor(l);
      if (!said) {
        graph.unmapped.push(
          `L-node ${l.id} ("${short(l.text)}") says no speaker (no locution with a participant, no "Name : ..." or "Name says '...'" text)`,
        );
        continue;
      }
      attributed++;
      const when = locutions.get(l.id)?.timestamp ?? l.timestamp;
      claim.evidence.push({
        text: `${said.source.speaker ?? said.source.id} said: ${said.words}`,
        source: said.source.id,
        note: `AIF L-node ${l.id}${typeof when === 'string' ? `, ${when}` : ''}`,
      });
    }
  }

  // Sources in argmap's extension that no evidence cites are kept too.
  for (const [person, record] of Object.entries(extSources)) {
    if (isObject(record) && typeof record.id === 'string' && !sourceIds.has(`p:${person}`)) {
      const source: ImportSource = { id: ids.take(record.id, 'source') };
      for (const field of ['speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note'] as const) {
        if (typeof record[field] === 'string' || typeof record[field] === 'number') source[field] = String(record[field]);
      }
      sourceIds.set(`p:${person}`, source);
      graph.sources.push(source);
    }
  }

  // Scheme nodes: RA supports, CA attacks; one aimed at a scheme node is an undercut.
  const relationsOf = new Map<string, number[]>();
  const schemes = [...nodes.values()].filter((n) => n.type === 'RA' || n.type === 'CA');
  let groups = 0;
  for (const s of schemes) {
    if (s.text === EVIDENCE_SCHEME && s.in.length === 1 && isEvidence(s.in[0]!)) continue;
    const kind = s.type === 'RA' ? 'support' : 'attack';
    // argmap's extension: a relation written as a `ref` item, with its `note`.
    const schemeExt = isObject(extNodes[s.id]) ? (extNodes[s.id] as Json) : {};
    const premises = s.in.filter((n) => claimOf.has(n.id));
    const conclusions = s.out.filter((n) => claimOf.has(n.id));
    const list: number[] = [];
    // Several premises: a linked argument, written as one `together` group (one per conclusion).
    for (const c of conclusions) {
      const group = premises.length > 1 ? { group: groups++ } : {};
      for (const p of premises) {
        list.push(graph.relations.length);
        graph.relations.push({
          from: claimOf.get(p.id)!.id,
          to: claimOf.get(c.id)!.id,
          kind,
          ...group,
          ...(premises.length > 1 && p === premises[0] && typeof schemeExt.note === 'string' ? { groupNote: schemeExt.note } : {}),
          // A single premise's ref and note (a linked group's note belongs to the group, not a ref).
          ...(premises.length === 1 && schemeExt.ref === true ? { link: true } : {}),
          ...(premises.length === 1 && typeof schemeExt.note === 'string' ? { note: schemeExt.note } : {}),
        });
      }
    }
    relationsOf.set(s.id, list);
    if (premises.length === 0) graph.unmapped.push(`${s.type}-node ${s.id} ("${short(s.text)}") has no premise I-node`);
    if (premises.length > 1 && conclusions.length > 0)
      graph.mapped.push(`${s.type}-node ${s.id}: a linked argument of ${premises.length} premises, written as one \`together\` group`);
    if (s.out.length === 0) graph.unmapped.push(`${s.type}-node ${s.id} ("${short(s.text)}") has no conclusion`);
  }
  // Undercuts: a CA node aimed at a scheme node. One aimed at a CA node that is itself an undercut
  // denies that undercut, and is resolved once that one is: passes until nothing more resolves.
  let undercuts = 0;
  let linkedUndercuts = 0;
  const undercutsBy = new Map<string, number[]>();
  let pending: Array<{ s: AifNode; target: AifNode }> = [];
  for (const s of schemes) {
    for (const target of s.out.filter((n) => n.type === 'RA' || n.type === 'CA')) {
      if (s.type === 'RA') {
        graph.unmapped.push(
          `RA-node ${s.id} supports the inference of ${target.type}-node ${target.id}: argmap has no support for a link (its premises are kept as claims)`,
        );
        continue;
      }
      pending.push({ s, target });
    }
  }
  for (let progress = true; progress && pending.length > 0;) {
    progress = false;
    const later: typeof pending = [];
    for (const { s, target } of pending) {
      const denied = relationsOf.get(target.id) ?? [];
      const cut = undercutsBy.get(target.id) ?? [];
      const from = s.in.filter((n) => claimOf.has(n.id));
      if (from.length === 0 || (denied.length === 0 && cut.length === 0)) {
        if (
          from.length > 0 &&
          target.type === 'CA' &&
          !undercutsBy.has(target.id) &&
          target.out.some((n) => n.type === 'RA' || n.type === 'CA')
        ) {
          later.push({ s, target }); // an undercut of an undercut not resolved yet
          continue;
        }
        graph.unmapped.push(`CA-node ${s.id} undercuts ${target.type}-node ${target.id}, which relates no claims`);
        continue;
      }
      progress = true;
      const made: number[] = [];
      // Several premises: a linked undercut, written as one `together` group with `undercut: true`.
      const group = from.length > 1 ? { group: linkedUndercuts++ } : {};
      const ext = isObject(extNodes[s.id]) ? (extNodes[s.id] as Json) : {};
      for (const f of from) {
        made.push(graph.undercuts.length);
        const note = from.length > 1 && f === from[0] && typeof ext.note === 'string' ? { groupNote: ext.note } : {};
        graph.undercuts.push(
          denied.length > 0
            ? { from: claimOf.get(f.id)!.id, relation: denied[0]!, ...group, ...note }
            : { from: claimOf.get(f.id)!.id, undercut: cut[0]!, ...group, ...note },
        );
      }
      undercutsBy.set(s.id, [...(undercutsBy.get(s.id) ?? []), ...made]);
      undercuts += from.length;
      if (from.length > 1)
        graph.mapped.push(
          `CA-node ${s.id} undercuts with ${from.length} premises: a linked undercut, written as one \`together\` group with \`undercut: true\``,
        );
    }
    pending = later;
  }
  for (const { s, target } of pending)
    graph.unmapped.push(`CA-node ${s.id} undercuts ${target.type}-node ${target.id}, which relates no claims`);
  for (const node of nodes.values()) {
    if (node.type === 'MA')
      graph.unmapped.push(
        `MA-node ${node.id} (rephrase between ${names(node.in)} and ${names(node.out)}): argmap has no rephrase relation; both claims are kept`,
      );
    if (node.type === 'PA')
      graph.unmapped.push(
        `PA-node ${node.id} (preference between ${names(node.in)} and ${names(node.out)}): argmap has no preference relation`,
      );
    if ((node.type === 'RA' || node.type === 'CA') && node.out.some((n) => n.type === 'I' && !claimOf.has(n.id))) {
      graph.unmapped.push(`${node.type}-node ${node.id} aims at evidence, not a claim`);
    }
    if (node.type === 'I' && [...node.in, ...node.out].some((n) => n.type === 'I'))
      graph.unmapped.push(`I-node ${node.id} is joined to another I-node with no scheme node between them (edge ignored)`);
  }
  const lNodes = [...nodes.values()].filter((n) => n.type === 'L');
  const loose = lNodes.filter((l) => !anchoredL.has(l.id));
  if (loose.length > 0)
    graph.unmapped.push(
      `${loose.length} L-node${loose.length === 1 ? '' : 's'} anchor no claim through a YA node (${loose
        .slice(0, 5)
        .map((l) => l.id)
        .join(', ')}${loose.length > 5 ? ', ...' : ''})`,
    );
  const dialogue = (count.YA ?? 0) + (count.TA ?? 0);
  graph.mapped.unshift(
    `${count.I ?? 0} I-nodes → ${graph.claims.length} claims and ${(count.I ?? 0) - graph.claims.length} pieces of evidence; ${count.RA ?? 0} RA → support, ${count.CA ?? 0} CA → attack (${undercuts} undercut${undercuts === 1 ? '' : 's'})`,
    `${count.L ?? 0} L-nodes → ${graph.sources.length} source${graph.sources.length === 1 ? '' : 's'} (speakers), ${attributed} attribution${attributed === 1 ? '' : 's'} as evidence; ${dialogue} YA/TA dialogue nodes used only to find who said what`,
  );
  if ((count.TA ?? 0) > 0)
    graph.unmapped.push(`${count.TA} TA-node${count.TA === 1 ? '' : 's'} (transitions between locutions): argmap keeps no dialogue order`);
  return graph;
}

/**
 * An L-node written `X says 'words'` (AraucariaDB's form; straight or curly, single or double
 * quotes): `[, X, words]`, as the `Name : words` match gives them.
 */
function says(text: string): [string, string, string] | undefined {
  const m = /^([^:\s][^:]{0,79}?)\s+says\s*[:,]?\s*(['"\u2018\u201c])([\s\S]*?)(['"\u2019\u201d])?\s*$/.exec(text);
  if (!m || (m[4] !== undefined && CLOSE[m[2]!] !== m[4])) return undefined;
  return [text, m[1]!, m[3]!];
}
const CLOSE: Record<string, string> = { "'": "'", '"': '"', '\u2018': '\u2019', '\u201c': '\u201d' };

function names(list: AifNode[]): string {
  return list.map((n) => n.id).join(', ') || 'nothing';
}

function short(text: string): string {
  return text.length > 50 ? `${text.slice(0, 47)}...` : text;
}

function jsonPath(path: Array<string | number>): string {
  return path.length === 0 ? '$' : `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}`;
}
