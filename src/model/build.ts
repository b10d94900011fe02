import { isPair, isScalar, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { scanDocument, type Scanned } from '../load/parse';
import { spanOf } from '../load/yaml-span';
import type { Span } from '../diagnostics/diagnostic';
import type {
  ArgFile,
  ArgumentGraph,
  Claim,
  ClaimEdge,
  ClaimKind,
  Definition,
  Edge,
  Evidence,
  LinkedGroup,
  Reference,
  Source,
  UndercutEdge,
} from './types';

/** A list a claim may carry other claims in, the kind it gives its items, and their relation. */
interface ClaimList {
  key: 'reasons' | 'risks' | 'counterpoints' | 'rebuttals';
  kind: ClaimKind;
  relation: 'support' | 'attack';
}
const REASONS: ClaimList = { key: 'reasons', kind: 'reason', relation: 'support' };
const RISKS: ClaimList = { key: 'risks', kind: 'risk', relation: 'support' };
const COUNTERPOINTS: ClaimList = { key: 'counterpoints', kind: 'counterpoint', relation: 'attack' };
const REBUTTALS: ClaimList = { key: 'rebuttals', kind: 'rebuttal', relation: 'attack' };

const LIST_OF_KIND = {
  recommendation: 'reasons',
  reason: 'reasons',
  risk: 'risks',
  counterpoint: 'counterpoints',
  rebuttal: 'rebuttals',
} as const;

type Plain = Record<string, unknown>;
type Nodes = Scanned['nodeOf'];

/**
 * One mapping of the file, read two ways: its values from the plain data the schema was checked
 * against (property reads), its positions from the YAML node (searched only for the few keys whose
 * position is reported: `id`, `ref`, `source`, `undercut`).
 */
interface Fields {
  data: Plain;
  map: YAMLMap;
}

/** The Fields of a plain mapping, or undefined for anything else (a list, a scalar, null). */
function fieldsOf(value: unknown, nodes: Nodes): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const map = nodes.get(value) as YAMLMap | undefined;
  return map ? { data: value as Plain, map } : undefined;
}

/** The pair of `key` in a YAML mapping (the first, should the key repeat). */
function pairOf(map: YAMLMap, key: string): Pair<unknown, unknown> | undefined {
  // A parsed mapping holds only pairs; a key that is not a scalar has no `value` to match.
  const items = map.items as Array<Pair<{ value?: unknown } | null, unknown>>;
  for (let i = 0; i < items.length; i++) {
    const k = items[i]!.key;
    if (k !== null && typeof k === 'object' && k.value === key) return items[i];
  }
  return undefined;
}

/** The value node of `key` in a YAML mapping. */
function nodeOf(map: YAMLMap, key: string): Node | undefined {
  const value = pairOf(map, key)?.value;
  return value ? (value as Node) : undefined;
}

/** A text field's value: a string as it is, a number as YAML wrote it (`id: 12`), else undefined. */
function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function stringOf(data: Plain, key: string): string | undefined {
  return asString(data[key]);
}

/** The first line of a mapping: its first key through that key's value (when scalar). */
function headSpan(map: YAMLMap): Span {
  const whole = spanOf(map);
  const first = map.items[0];
  if (isPair(first)) {
    const end = isScalar(first.value) ? first.value.range?.[1] : (first.key as Node | null)?.range?.[1];
    if (end !== undefined) return { start: whole.start, end };
  }
  return whole;
}

/** A graph with nothing in it yet: what the builder fills (and tests build graphs on). */
export function emptyGraph(): ArgumentGraph {
  return {
    document: {},
    claims: [],
    evidence: [],
    sources: [],
    edges: [],
    groups: [],
    references: [],
    definitions: new Map(),
    danglingUndercuts: [],
  };
}

class Builder {
  readonly graph: ArgumentGraph = emptyGraph();
  /** `ref:` and `targets` mentions, resolved once every id is known (document order). */
  readonly #claimReferences: Array<{ reference: Reference; onClaim: (claim: Claim) => void }> = [];
  /** `source:` mentions, resolved with them (in document order, so `citedBy` is). */
  readonly #sourceReferences: Array<{ reference: Reference; evidence: Evidence }> = [];
  /** Undercuts, resolved after the references, since the link they attack may come from one. */
  readonly #undercuts: Array<() => void> = [];
  /** Each linked group with the written position of each premise edge, to restore written order. */
  readonly #groupOrders: Array<{ group: LinkedGroup; order: Map<Edge, number> }> = [];

  /** The file being built (undefined: a graph of one file, built without file records). */
  file: ArgFile | undefined;
  /** Its nodes' YAML nodes. */
  nodes: Nodes;
  /** Whether the file being built is the checked one (its references and findings are reported). */
  isRoot = true;

  constructor(nodes: Nodes, file?: ArgFile) {
    this.nodes = nodes;
    this.file = file;
    if (file) {
      this.graph.file = file;
      this.graph.files = [file];
      this.graph.definitions = file.definitions;
    }
  }

  /** Builds the nodes of a file the checked one uses, after the checked file's own. */
  use(file: ArgFile, nodes: Nodes) {
    this.file = file;
    this.nodes = nodes;
    this.isRoot = false;
    this.graph.files!.push(file);
  }

  define(id: string | undefined, span: Span | undefined, node: Claim | Source, type: 'claim' | 'source') {
    if (id === undefined || span === undefined) return;
    const definitions = this.file ? this.file.definitions : this.graph.definitions;
    const list = definitions.get(id);
    const definition: Definition = { id, span, node, type, file: this.file };
    if (list) list.push(definition);
    else definitions.set(id, [definition]);
  }

  /**
   * The definition a reference names. In a graph of one file, the first definition of the id (a
   * duplicate is the `duplicate-id` rule's). With files: `name#id` looks in the visible file of that
   * name; a plain id in the referring file and every file it sees, and it must be defined in one of
   * them only (a local id shadows nothing): otherwise `ambiguous` lists the definitions.
   */
  lookup(reference: Reference): Definition | undefined {
    const file = reference.file;
    const id = reference.id;
    if (!file) return this.graph.definitions.get(id)?.[0];
    const hash = id.indexOf('#');
    if (hash !== -1) {
      const name = id.slice(0, hash);
      let named: ArgFile | undefined;
      let count = 0;
      for (const f of [file, ...file.visible]) {
        if (f.name !== name) continue;
        named = f;
        count++;
      }
      if (count !== 1) {
        reference.unknownFile = { name, count };
        return undefined;
      }
      reference.within = named;
      return named!.definitions.get(id.slice(hash + 1))?.[0];
    }
    const local = file.definitions.get(id)?.[0];
    if (file.visible.length === 0) return local;
    let found: Definition[] | undefined = local ? [local] : undefined;
    for (const f of file.visible) {
      const definition = f.definitions.get(id)?.[0];
      if (definition) (found ??= []).push(definition);
    }
    if (found && found.length > 1) {
      reference.ambiguous = found;
      return undefined;
    }
    return found?.[0];
  }

  /** Records a reference: every file's are resolved, the checked file's are also listed (reported). */
  reference(reference: Reference) {
    if (this.isRoot) this.graph.references.push(reference);
  }

  addEdge<E extends Edge>(edge: Omit<E, 'index' | 'undercutBy'>): E {
    // One object shape for every edge (no spread, `note` and `group` always present): monomorphic
    // property access in every rule that walks edges.
    const e = edge as Omit<ClaimEdge, 'index' | 'undercutBy'>;
    const full = {
      index: this.graph.edges.length,
      kind: e.kind,
      from: e.from,
      to: e.to,
      via: e.via,
      list: e.list,
      span: e.span,
      // The edges of a linked group share its undercuts: an undercut denies the group's inference.
      undercutBy: e.group ? e.group.undercutBy : [],
      note: e.note,
      group: e.group,
      file: this.file,
    } as unknown as E;
    this.graph.edges.push(full);
    full.from.outgoing.push(full);
    if (full.kind === 'undercut') full.to.undercutBy.push(full);
    else full.to.incoming.push(full);
    return full;
  }

  sources(list: unknown) {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const fields = fieldsOf(item, this.nodes);
      if (!fields) continue;
      const source: Source = {
        index: this.graph.sources.length,
        citedBy: [],
        span: headSpan(fields.map),
        file: this.file,
      };
      for (const key of SOURCE_KEYS) {
        const value = stringOf(fields.data, key);
        if (value !== undefined) source[key] = value;
      }
      if (source.id !== undefined) source.idSpan = spanOf(nodeOf(fields.map, 'id'));
      if (source.quote !== undefined) source.quoteSpan = spanOf(nodeOf(fields.map, 'quote'));
      this.graph.sources.push(source);
      this.define(source.id, source.idSpan, source, 'source');
    }
  }

  claim(fields: Fields, kind: ClaimKind, path: string, parent: Claim | undefined): Claim {
    const { data, map } = fields;
    // Each property read by name, once: a named load is cheaper than a keyed one, cold or hot. The
    // lists are walked in a fixed order: evidence, targets, reasons, risks, counterpoints, rebuttals.
    const { id: rawId, text, quote, note } = data;
    const id = asString(rawId);
    // Every claim gets every property (absent ones undefined): one object shape, so the rules and
    // formatters that read claims by the thousand find their properties at one place.
    const claim: Claim = {
      index: this.graph.claims.length,
      id,
      key: id ?? path,
      path,
      kind,
      text: asString(text) ?? '',
      quote: asString(quote),
      note: asString(note),
      assumption: data.assumption === true,
      undercut: data.undercut === true,
      conceded: data.conceded === true,
      evidence: [],
      parent,
      children: [],
      link: undefined,
      outgoing: [],
      incoming: [],
      span: headSpan(map),
      idSpan: id !== undefined ? spanOf(nodeOf(map, 'id')) : undefined,
      undercutSpan: undefined,
      quoteSpan: undefined,
      file: this.file,
    };
    if (claim.quote !== undefined) claim.quoteSpan = spanOf(nodeOf(map, 'quote'));
    if (claim.undercut) {
      const pair = pairOf(map, 'undercut')!;
      const key = spanOf(pair.key as Node);
      claim.undercutSpan = { start: key.start, end: spanOf(pair.value as Node).end };
    }
    if (parent) parent.children.push(claim);
    this.graph.claims.push(claim);
    this.define(claim.id, claim.idSpan, claim, 'claim');

    const { evidence, targets, reasons, risks, counterpoints, rebuttals } = data;
    if (Array.isArray(evidence)) this.evidence(claim, evidence);
    if (Array.isArray(targets)) this.targets(claim, targets);
    if (Array.isArray(reasons)) this.list(claim, reasons, REASONS, path);
    if (Array.isArray(risks)) this.list(claim, risks, RISKS, path);
    if (Array.isArray(counterpoints)) this.list(claim, counterpoints, COUNTERPOINTS, path);
    if (Array.isArray(rebuttals)) this.list(claim, rebuttals, REBUTTALS, path);
    return claim;
  }

  /** The claims written in one list of `parent`'s (its reasons, risks, counterpoints or rebuttals). */
  list(parent: Claim, items: unknown[], list: ClaimList, path: string) {
    for (let index = 0; index < items.length; index++) {
      const item = fieldsOf(items[index], this.nodes);
      if (item) this.item(item, list.kind, list.relation, `${path}.${list.key}[${index}]`, parent);
    }
  }

  /** The `targets` of a counterpoint or rebuttal: each id attacks the claim it names. */
  targets(claim: Claim, list: unknown[]) {
    const seq = this.nodes.get(list);
    if (!seq) return;
    for (let i = 0; i < list.length; i++) {
      const value = list[i];
      if (typeof value !== 'string') continue;
      const node = seq.items[i] as Node;
      this.claimReference('targets', value, spanOf(node), (to) =>
        this.addEdge<ClaimEdge>({ kind: 'attack', from: claim, to, via: 'targets', list: 'targets', span: spanOf(node) }),
      );
    }
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
    if (Array.isArray(fields.data.together)) {
      // A linked undercut denies, with all its premises, the link by which `target` holds.
      const denies = relation === 'attack' && fields.data.undercut === true ? () => target?.link : undefined;
      this.group(fields, fields.data.together, kind, relation, path, parent, target, denies);
      return;
    }
    // A `{ ref }` item: one with a `ref` key and a value node (an explicit `? ref` has none, and the
    // item is then read as a claim, as a mapping without `ref` would be).
    const refNode = Object.hasOwn(fields.data, 'ref') ? nodeOf(fields.map, 'ref') : undefined;
    if (refNode !== undefined) {
      const ref = fields.data.ref;
      if (typeof ref !== 'string' || !target) return;
      const span = spanOf(refNode);
      const note = stringOf(fields.data, 'note');
      this.claimReference('ref', ref, span, (from) =>
        this.addEdge<ClaimEdge>({ kind: relation, from, to: target, via: 'ref', list, span, ...(note !== undefined ? { note } : {}) }),
      );
      return;
    }
    // An undercut attacks the link by which its target supports or attacks something. Its slot is
    // taken before the claims under it are built, so an undercut of an undercut resolves after it.
    const slot = this.#undercuts.length;
    const root = this.isRoot;
    const file = this.file;
    if (relation === 'attack' && fields.data.undercut === true) this.#undercuts.push(() => {});
    const child = this.claim(fields, kind, path, parent);
    const span = child.span;
    if (child.undercut && relation === 'attack') {
      this.#undercuts[slot] = () => {
        if (target?.link) {
          this.file = file;
          child.link = this.addEdge<UndercutEdge>({ kind: 'undercut', from: child, to: target.link, via: 'tree', list, span });
        } else if (root) {
          this.graph.danglingUndercuts.push(child);
        }
      };
    } else if (target) {
      child.link = this.addEdge<ClaimEdge>({ kind: relation, from: child, to: target, via: 'tree', list, span });
    }
  }

  /**
   * A linked group (`together:`): each premise, written in place or by `ref`, gets its own edge to
   * `target`, tagged with the group; the group's `counterpoints` (`rebuttals` under a linked
   * objection or undercut) are its undercuts. Edges from `ref` premises come when the ids resolve, so
   * the premises are put back in written order in `finish`. With `denies` (a linked undercut), each
   * premise gets an undercut edge to the link `denies` gives once every reference has resolved.
   */
  group(
    fields: Fields,
    items: unknown[],
    kind: ClaimKind,
    relation: 'support' | 'attack',
    path: string,
    parent: Claim | undefined,
    target: Claim | undefined,
    denies?: () => Edge | undefined,
  ): LinkedGroup {
    const list = LIST_OF_KIND[kind];
    const together = pairOf(fields.map, 'together')!;
    const group: LinkedGroup = {
      index: this.graph.groups.length,
      kind: denies ? 'undercut' : relation,
      list,
      path,
      to: denies ? undefined : target,
      parent,
      undercutSpan: undefined,
      premises: [],
      edges: [],
      premiseSpans: [],
      written: items.length,
      undercutBy: [],
      answers: [],
      answerGroups: [],
      of: undefined,
      misplaced: [],
      note: stringOf(fields.data, 'note'),
      span: spanOf(together.key as Node),
      file: this.file,
    };
    this.graph.groups.push(group);
    // A linked undercut's premises, gathered as they are built or resolve; its edges come when the
    // link it denies is known (its slot is taken first, so undercuts of it resolve after it).
    const gathered: Array<{ from: Claim; slot: number; via: 'tree' | 'ref'; span: Span; note?: string }> = [];
    if (denies) {
      const pair = pairOf(fields.map, 'undercut')!;
      group.undercutSpan = { start: spanOf(pair.key as Node).start, end: spanOf(pair.value as Node).end };
      const root = this.isRoot;
      const file = this.file;
      this.#undercuts.push(() => {
        const link = denies();
        if (!link) {
          if (root) this.graph.danglingUndercuts.push(group);
          return;
        }
        this.file = file;
        gathered.sort((a, b) => a.slot - b.slot);
        for (const { from, via, span, note } of gathered) {
          const edge = this.addEdge<UndercutEdge>({ kind: 'undercut', from, to: link, via, list, span, note, group });
          group.premises.push(from);
          group.edges.push(edge);
          group.premiseSpans.push(span);
          if (via === 'tree') from.link = edge;
        }
      });
    }
    const order = new Map<Edge, number>();
    const add = (from: Claim, slot: number, via: 'tree' | 'ref', span: Span, note?: string) => {
      if (denies) {
        gathered.push({ from, slot, via, span, note });
        return undefined;
      }
      if (!target) return undefined;
      const edge = this.addEdge<ClaimEdge>({ kind: relation, from, to: target, via, list, span, note, group });
      group.premises.push(from);
      group.edges.push(edge);
      group.premiseSpans.push(span);
      order.set(edge, slot);
      return edge;
    };
    if (!denies) this.#groupOrders.push({ group, order });
    for (let slot = 0; slot < items.length; slot++) {
      const item = fieldsOf(items[slot], this.nodes);
      if (!item) continue;
      const refNode = Object.hasOwn(item.data, 'ref') ? nodeOf(item.map, 'ref') : undefined;
      if (refNode !== undefined) {
        const ref = item.data.ref;
        if (typeof ref !== 'string') continue;
        const span = spanOf(refNode);
        const note = stringOf(item.data, 'note');
        this.claimReference('ref', ref, span, (from) => add(from, slot, 'ref', span, note));
        continue;
      }
      const premise = this.claim(item, kind, `${path}.together[${slot}]`, parent);
      premise.group = group;
      premise.link = add(premise, slot, 'tree', premise.span);
    }
    // The answers to the group as a whole: undercuts of its inference, each a claim or a linked
    // undercut. Anything else is built (so its ids and references are checked) but attacks nothing;
    // the `linked-group` rule reports it.
    const answersKey = relation === 'support' ? 'counterpoints' : 'rebuttals';
    const answers = fields.data[answersKey];
    if (!Array.isArray(answers)) return group;
    const answerKind: ClaimKind = relation === 'support' ? 'counterpoint' : 'rebuttal';
    for (let index = 0; index < answers.length; index++) {
      const item = fieldsOf(answers[index], this.nodes);
      if (!item) continue;
      const at = `${path}.${answersKey}[${index}]`;
      const isRef = Object.hasOwn(item.data, 'ref');
      if (isRef || item.data.undercut !== true) {
        group.misplaced.push(headSpan(item.map));
        this.item(item, answerKind, 'attack', at, parent, undefined);
        continue;
      }
      if (Array.isArray(item.data.together)) {
        const answer = this.group(item, item.data.together, answerKind, 'attack', at, parent, undefined, () => group.edges[0]);
        answer.of = group;
        group.answerGroups.push(answer);
        continue;
      }
      const slot = this.#undercuts.length;
      this.#undercuts.push(() => {});
      const answer = this.claim(item, answerKind, at, parent);
      answer.group = group;
      group.answers.push(answer);
      this.#undercuts[slot] = () => {
        const link = group.edges[0];
        if (link)
          answer.link = this.addEdge<UndercutEdge>({
            kind: 'undercut',
            from: answer,
            to: link,
            via: 'tree',
            list: answersKey,
            span: answer.span,
          });
      };
    }
    return group;
  }

  evidence(claim: Claim, list: unknown[]) {
    for (const item of list) {
      const fields = fieldsOf(item, this.nodes);
      if (!fields) continue;
      const { data, map } = fields;
      const { text, quote, note, source: sourceId } = data;
      const evidence: Evidence = {
        index: this.graph.evidence.length,
        claim,
        text: asString(text) ?? '',
        quote: asString(quote),
        note: asString(note),
        sourceId: undefined,
        source: undefined,
        span: headSpan(map),
        sourceSpan: undefined,
        quoteSpan: undefined,
        file: this.file,
      };
      if (evidence.quote !== undefined) evidence.quoteSpan = spanOf(nodeOf(map, 'quote'));
      if (typeof sourceId === 'string') {
        evidence.sourceId = sourceId;
        evidence.sourceSpan = spanOf(nodeOf(map, 'source'));
        const reference: Reference = { field: 'source', id: sourceId, span: evidence.sourceSpan, file: this.file };
        this.reference(reference);
        this.#sourceReferences.push({ reference, evidence });
      }
      claim.evidence.push(evidence);
      this.graph.evidence.push(evidence);
    }
  }

  /** A `ref:` or `targets` mention: `onClaim` runs once the id resolves to a claim. */
  claimReference(field: 'ref' | 'targets', id: string, span: Span, onClaim: (claim: Claim) => void) {
    const reference: Reference = { field, id, span, file: this.file };
    this.reference(reference);
    this.#claimReferences.push({ reference, onClaim });
  }

  finish(): ArgumentGraph {
    // Sources first: resolving them adds no edge, so edges keep the order of the claim mentions.
    for (const { reference, evidence } of this.#sourceReferences) {
      const definition = this.lookup(reference);
      if (!definition) continue;
      reference.resolved = definition.node;
      reference.definition = definition;
      if (definition.type === 'source') {
        const source = definition.node as Source;
        evidence.source = source;
        source.citedBy.push(evidence);
      }
    }
    for (const { reference, onClaim } of this.#claimReferences) {
      const definition = this.lookup(reference);
      if (!definition) continue;
      reference.resolved = definition.node;
      reference.definition = definition;
      // The edge is written where the reference is.
      this.file = reference.file;
      if (definition.type === 'claim') onClaim(definition.node as Claim);
    }
    for (const { group, order } of this.#groupOrders) {
      const edges = [...group.edges].sort((a, b) => order.get(a)! - order.get(b)!);
      group.edges = edges;
      group.premises = edges.map((e) => e.from);
      group.premiseSpans = edges.map((e) => e.span);
    }
    for (const resolve of this.#undercuts) resolve();
    return this.graph;
  }
}

const SOURCE_KEYS = ['id', 'speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note', 'quote'] as const;

/**
 * Builds the argument graph from a YAML document: values from the plain data of its one walk
 * (`scanDocument`, done by `parse` already), positions from its nodes. Tolerant: parts that do not
 * have the expected shape are skipped (the schema has reported them), so rules can still run on the
 * rest.
 */
export function buildGraph(doc: Document | undefined, scanned: Scanned = scanDocument(doc!)): ArgumentGraph {
  const builder = new Builder(scanned.nodeOf);
  buildTop(builder, scanned);
  return builder.finish();
}

/** One file to build, with its record and what its one walk found. */
export interface FileToBuild {
  file: ArgFile;
  scanned: Scanned;
}

/**
 * The graph of a checked file and the files it uses (transitively): one graph whose nodes know
 * their file, the checked file's first. Each file's references resolve among the ids it sees
 * (`ArgFile.visible`); only the checked file's are listed in `references`.
 */
export function buildWorkspaceGraph(root: FileToBuild, used: readonly FileToBuild[]): ArgumentGraph {
  const builder = new Builder(root.scanned.nodeOf, root.file);
  buildTop(builder, root.scanned);
  for (const { file, scanned } of used) {
    builder.use(file, scanned.nodeOf);
    buildTop(builder, scanned);
  }
  return builder.finish();
}

/** The top level of one file: metadata (of the checked file), sources, recommendation, counterpoints. */
function buildTop(builder: Builder, scanned: Scanned): void {
  const top = fieldsOf(scanned.data, scanned.nodeOf);
  if (!top) return;
  let rec: Claim | undefined;
  if (builder.isRoot) {
    const title = stringOf(top.data, 'title');
    if (title !== undefined) builder.graph.title = title;
    const description = stringOf(top.data, 'description');
    if (description !== undefined) builder.graph.description = description;
    const uses = top.data.uses;
    if (Array.isArray(uses)) builder.graph.uses = uses.filter((u): u is string => typeof u === 'string');
    const document = fieldsOf(top.data.document, scanned.nodeOf);
    if (document) {
      for (const key of ['kind', 'title', 'author', 'outlet', 'date', 'url', 'note', 'file']) {
        const value = stringOf(document.data, key);
        if (value !== undefined) builder.graph.document[key] = value;
      }
    }
  }
  builder.sources(top.data.sources);
  const recommendation = fieldsOf(top.data.recommendation, scanned.nodeOf);
  if (recommendation) {
    rec = builder.claim(recommendation, 'recommendation', 'recommendation', undefined);
    if (builder.isRoot) builder.graph.recommendation = rec;
  }
  const counterpoints = top.data.counterpoints;
  if (Array.isArray(counterpoints)) {
    for (let index = 0; index < counterpoints.length; index++) {
      const fields = fieldsOf(counterpoints[index], scanned.nodeOf);
      if (!fields) continue;
      // Top-level counterpoints attack the recommendation, or only their `targets` when they name some.
      const hasTargets = Array.isArray(fields.data.targets);
      builder.item(fields, 'counterpoint', 'attack', `counterpoints[${index}]`, undefined, hasTargets ? undefined : rec);
    }
  }
}
