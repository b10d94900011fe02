import { isPair, isScalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { scanDocument, type Scanned } from '../load/parse';
import type { Span } from '../diagnostics/diagnostic';
import type {
  ArgumentGraph,
  Claim,
  ClaimEdge,
  ClaimKind,
  Definition,
  Edge,
  Evidence,
  Reference,
  Source,
  UndercutEdge,
} from './types';

/** The lists a claim may carry other claims in, the kind they give their items, and their relation. */
const CLAIM_LISTS: ReadonlyArray<{ key: string; kind: ClaimKind; relation: 'support' | 'attack' }> = [
  { key: 'reasons', kind: 'reason', relation: 'support' },
  { key: 'risks', kind: 'risk', relation: 'support' },
  { key: 'counterpoints', kind: 'counterpoint', relation: 'attack' },
  { key: 'rebuttals', kind: 'rebuttal', relation: 'attack' },
];

const LIST_OF_KIND = { recommendation: 'reasons', reason: 'reasons', risk: 'risks', counterpoint: 'counterpoints', rebuttal: 'rebuttals' } as const;

type Plain = Record<string, unknown>;

/**
 * One mapping of the file, read two ways: its values from the plain data the schema was checked
 * against (property reads), its positions from the YAML node (searched only for the few keys whose
 * position is reported: `id`, `ref`, `source`, `undercut`).
 */
class Fields {
  constructor(
    readonly data: Plain,
    readonly map: YAMLMap,
    readonly nodes: Scanned['nodeOf'],
  ) {}

  /** The pair of `key` in the YAML mapping (the first, should the key repeat). */
  pair(key: string): Pair<unknown, unknown> | undefined {
    for (const item of this.map.items) {
      if (isPair(item) && isScalar(item.key) && item.key.value === key) return item as Pair<unknown, unknown>;
    }
    return undefined;
  }

  node(key: string): Node | undefined {
    const value = this.pair(key)?.value;
    return value ? (value as Node) : undefined;
  }

  string(key: string): string | undefined {
    const value = this.data[key];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  bool(key: string): boolean {
    return this.data[key] === true;
  }

  /** The mappings in the list at `key` (other items skipped), with their index in the list. */
  mappings(key: string): Array<{ fields: Fields; index: number }> {
    const list = this.data[key];
    if (!Array.isArray(list)) return [];
    const out: Array<{ fields: Fields; index: number }> = [];
    list.forEach((item, index) => {
      const fields = fieldsOf(item, this.nodes);
      if (fields) out.push({ fields, index });
    });
    return out;
  }

  /** The strings in the list at `key`, each with its YAML node. */
  strings(key: string): Array<{ value: string; node: Node }> {
    const list = this.data[key];
    const seq = Array.isArray(list) ? (this.nodes.get(list) as YAMLSeq | undefined) : undefined;
    if (!seq) return [];
    const out: Array<{ value: string; node: Node }> = [];
    (list as unknown[]).forEach((value, i) => {
      if (typeof value === 'string') out.push({ value, node: seq.items[i] as Node });
    });
    return out;
  }
}

/** The Fields of a plain mapping, or undefined for anything else (a list, a scalar, null). */
function fieldsOf(value: unknown, nodes: Scanned['nodeOf']): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const map = nodes.get(value);
  return map ? new Fields(value as Plain, map as YAMLMap, nodes) : undefined;
}

function spanOfNode(node: Node | undefined | null): Span {
  const range = node?.range;
  return range ? { start: range[0], end: Math.max(range[0], range[1]) } : { start: 0, end: 0 };
}

/** The first line of a mapping: its first key through that key's value (when scalar). */
function headSpan(map: YAMLMap): Span {
  const whole = spanOfNode(map);
  const first = map.items[0];
  if (isPair(first)) {
    const end = isScalar(first.value) ? first.value.range?.[1] : (first.key as Node | null)?.range?.[1];
    if (end !== undefined) return { start: whole.start, end };
  }
  return whole;
}

/** A graph with nothing in it yet: what the builder fills (and tests build graphs on). */
export function emptyGraph(): ArgumentGraph {
  return { document: {}, claims: [], evidence: [], sources: [], edges: [], references: [], definitions: new Map(), danglingUndercuts: [] };
}

class Builder {
  readonly graph: ArgumentGraph = emptyGraph();
  /** `source:`, `ref:` and `targets` mentions, resolved once every id is known (document order). */
  readonly #references: Array<() => void> = [];
  /** Undercuts, resolved after the references, since the link they attack may come from one. */
  readonly #undercuts: Array<() => void> = [];

  define(id: string | undefined, span: Span | undefined, node: Claim | Source, type: 'claim' | 'source') {
    if (id === undefined || span === undefined) return;
    const list = this.graph.definitions.get(id);
    const definition: Definition = { id, span, node, type };
    if (list) list.push(definition);
    else this.graph.definitions.set(id, [definition]);
  }

  /** The first definition of an id wins; duplicates are reported by the `duplicate-id` rule. */
  lookup(id: string): Definition | undefined {
    return this.graph.definitions.get(id)?.[0];
  }

  addEdge<E extends Edge>(edge: Omit<E, 'index' | 'undercutBy'>): E {
    // One object shape for every edge (no spread, `note` always present): monomorphic property access
    // in every rule that walks edges.
    const e = edge as Omit<ClaimEdge, 'index' | 'undercutBy'>;
    const full = {
      index: this.graph.edges.length,
      kind: e.kind,
      from: e.from,
      to: e.to,
      via: e.via,
      list: e.list,
      span: e.span,
      undercutBy: [],
      note: e.note,
    } as unknown as E;
    this.graph.edges.push(full);
    full.from.outgoing.push(full);
    if (full.kind === 'undercut') (full.to as Edge).undercutBy.push(full as UndercutEdge);
    else (full.to as Claim).incoming.push(full as ClaimEdge);
    return full;
  }

  sources(top: Fields) {
    for (const { fields } of top.mappings('sources')) {
      const source: Source = {
        index: this.graph.sources.length,
        citedBy: [],
        span: headSpan(fields.map),
      };
      for (const key of ['id', 'speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note'] as const) {
        const value = fields.string(key);
        if (value !== undefined) source[key] = value;
      }
      if (source.id !== undefined) source.idSpan = spanOfNode(fields.node('id'));
      this.graph.sources.push(source);
      this.define(source.id, source.idSpan, source, 'source');
    }
  }

  claim(fields: Fields, kind: ClaimKind, path: string, parent: Claim | undefined): Claim {
    const map = fields.map;
    const id = fields.string('id');
    // Every claim gets every property (absent ones undefined): one object shape, so the rules and
    // formatters that read claims by the thousand find their properties at one place.
    const claim: Claim = {
      index: this.graph.claims.length,
      id,
      key: id ?? path,
      path,
      kind,
      text: fields.string('text') ?? '',
      quote: fields.string('quote'),
      note: fields.string('note'),
      assumption: fields.bool('assumption'),
      undercut: fields.bool('undercut'),
      conceded: fields.bool('conceded'),
      evidence: [],
      parent,
      children: [],
      link: undefined,
      outgoing: [],
      incoming: [],
      span: headSpan(map),
      idSpan: id !== undefined ? spanOfNode(fields.node('id')) : undefined,
      undercutSpan: undefined,
    };
    if (claim.undercut) {
      const pair = fields.pair('undercut')!;
      const key = spanOfNode(pair.key as Node);
      claim.undercutSpan = { start: key.start, end: spanOfNode(pair.value as Node).end };
    }
    if (parent) parent.children.push(claim);
    this.graph.claims.push(claim);
    this.define(claim.id, claim.idSpan, claim, 'claim');

    this.evidence(claim, fields);
    for (const { value, node } of fields.strings('targets')) {
      this.reference('targets', value, spanOfNode(node), (to) =>
        this.addEdge<ClaimEdge>({ kind: 'attack', from: claim, to, via: 'targets', list: 'targets', span: spanOfNode(node) }),
      );
    }
    for (const list of CLAIM_LISTS) {
      for (const { fields: item, index } of fields.mappings(list.key)) {
        this.item(item, list.kind, list.relation, `${path}.${list.key}[${index}]`, claim);
      }
    }
    return claim;
  }

  /**
   * One item of a claim list: a `{ ref: id }` or a claim written in place. `parent` is the claim it
   * is written under; `target` the claim it supports or attacks there (the recommendation, for a
   * top-level counterpoint without `targets`; none, for one with them).
   */
  item(
    fields: Fields,
    kind: ClaimKind,
    relation: 'support' | 'attack',
    path: string,
    parent: Claim | undefined,
    target: Claim | undefined = parent,
  ) {
    const list = LIST_OF_KIND[kind];
    // A `{ ref }` item: one with a `ref` key and a value node (an explicit `? ref` has none, and the
    // item is then read as a claim, as a mapping without `ref` would be).
    if (Object.hasOwn(fields.data, 'ref') && fields.node('ref') !== undefined) {
      const ref = fields.data.ref;
      if (typeof ref !== 'string' || !target) return;
      const span = spanOfNode(fields.node('ref'));
      const note = fields.string('note');
      this.reference('ref', ref, span, (from) =>
        this.addEdge<ClaimEdge>({ kind: relation, from, to: target, via: 'ref', list, span, ...(note !== undefined ? { note } : {}) }),
      );
      return;
    }
    // An undercut attacks the link by which its target supports or attacks something. Its slot is
    // taken before the claims under it are built, so an undercut of an undercut resolves after it.
    const slot = this.#undercuts.length;
    if (relation === 'attack' && fields.bool('undercut')) this.#undercuts.push(() => {});
    const child = this.claim(fields, kind, path, parent);
    const span = child.span;
    if (child.undercut && relation === 'attack') {
      this.#undercuts[slot] = (() => {
        if (target?.link) {
          child.link = this.addEdge<UndercutEdge>({ kind: 'undercut', from: child, to: target.link, via: 'tree', list, span });
        } else {
          this.graph.danglingUndercuts.push(child);
        }
      });
    } else if (target) {
      child.link = this.addEdge<ClaimEdge>({ kind: relation, from: child, to: target, via: 'tree', list, span });
    }
  }

  evidence(claim: Claim, of: Fields) {
    for (const { fields } of of.mappings('evidence')) {
      const evidence: Evidence = {
        index: this.graph.evidence.length,
        claim,
        text: fields.string('text') ?? '',
        quote: fields.string('quote'),
        note: fields.string('note'),
        sourceId: undefined,
        source: undefined,
        span: headSpan(fields.map),
        sourceSpan: undefined,
      };
      const sourceId = fields.data.source;
      if (typeof sourceId === 'string') {
        evidence.sourceId = sourceId;
        evidence.sourceSpan = spanOfNode(fields.node('source'));
        this.reference('source', sourceId, evidence.sourceSpan, undefined, evidence);
      }
      claim.evidence.push(evidence);
      this.graph.evidence.push(evidence);
    }
  }

  reference(
    field: Reference['field'],
    id: string,
    span: Span,
    onClaim?: (claim: Claim) => void,
    evidence?: Evidence,
  ) {
    const reference: Reference = { field, id, span };
    this.graph.references.push(reference);
    this.#references.push(() => {
      const definition = this.lookup(id);
      if (!definition) return;
      reference.resolved = definition.node;
      if (definition.type === 'claim' && onClaim) onClaim(definition.node as Claim);
      if (definition.type === 'source' && evidence) {
        const source = definition.node as Source;
        evidence.source = source;
        source.citedBy.push(evidence);
      }
    });
  }

  finish(): ArgumentGraph {
    for (const resolve of this.#references) resolve();
    for (const resolve of this.#undercuts) resolve();
    return this.graph;
  }
}

/**
 * Builds the argument graph from a YAML document: values from the plain data of its one walk
 * (`scanDocument`, done by `parse` already), positions from its nodes. Tolerant: parts that do not
 * have the expected shape are skipped (the schema has reported them), so rules can still run on the
 * rest.
 */
export function buildGraph(doc: Document, scanned: Scanned = scanDocument(doc)): ArgumentGraph {
  const builder = new Builder();
  const top = fieldsOf(scanned.data, scanned.nodeOf);
  if (!top) return builder.graph;
  const title = top.string('title');
  if (title !== undefined) builder.graph.title = title;
  const description = top.string('description');
  if (description !== undefined) builder.graph.description = description;
  const document = fieldsOf(top.data.document, scanned.nodeOf);
  if (document) {
    for (const key of ['kind', 'title', 'author', 'outlet', 'date', 'url', 'note']) {
      const value = document.string(key);
      if (value !== undefined) builder.graph.document[key] = value;
    }
  }
  builder.sources(top);
  const recommendation = fieldsOf(top.data.recommendation, scanned.nodeOf);
  let rec: Claim | undefined;
  if (recommendation) {
    rec = builder.claim(recommendation, 'recommendation', 'recommendation', undefined);
    builder.graph.recommendation = rec;
  }
  for (const { fields, index } of top.mappings('counterpoints')) {
    // Top-level counterpoints attack the recommendation, or only their `targets` when they name some.
    const hasTargets = Array.isArray(fields.data.targets);
    builder.item(fields, 'counterpoint', 'attack', `counterpoints[${index}]`, undefined, hasTargets ? undefined : rec);
  }
  return builder.finish();
}
