import type { IArgdownResponse, IArgument, IEquivalenceClass, IPCSStatement, IRelation } from '@argdown/core';
import type { SourceFile } from '../load/source-file';
import { IdPool } from '../model/ids';
import { InterchangeError } from './errors';
import type { ImportClaim, ImportGraph, ImportSource } from './import-graph';

/**
 * Argdown (https://argdown.org/syntax/), read by Argdown's own parser and model builder
 * (@argdown/core: its ParserPlugin, DataPlugin and ModelPlugin, the pipeline its own tests run),
 * loaded only when an Argdown file is imported. See docs/interchange.md for the mapping.
 */
export async function parseArgdown(source: SourceFile): Promise<ImportGraph> {
  const core = await import('@argdown/core');
  const app = new core.ArgdownApplication();
  app.addPlugin(new core.ParserPlugin(), 'parse-input');
  app.addPlugin(new core.DataPlugin(), 'build-model');
  app.addPlugin(new core.ModelPlugin(), 'build-model');
  const r: IArgdownResponse = app.run({ process: ['parse-input', 'build-model'], input: source.text, logLevel: 'none' });
  const lexerError = r.lexerErrors?.[0] as { offset?: number; message?: string } | undefined;
  if (lexerError) throw InterchangeError.at(source, lexerError.offset ?? 0, `not Argdown: ${lexerError.message ?? 'unexpected text'}`);
  const parserError = r.parserErrors?.[0] as { token?: { startOffset?: number }; message?: string } | undefined;
  if (parserError) {
    const offset = parserError.token?.startOffset;
    throw InterchangeError.at(
      source,
      Number.isFinite(offset) ? offset! : source.text.length,
      `not Argdown: ${parserError.message ?? 'unexpected text'}`,
    );
  }
  const exception = r.exceptions?.[0];
  if (exception) throw InterchangeError.at(source, 0, `not Argdown: ${exception.message}`);
  return toImportGraph(
    r,
    core.StatementRole.MAIN_CONCLUSION,
    core.StatementRole.PREMISE,
    core.IEquivalenceClass.getCanonicalMemberText,
    core.IArgument.getCanonicalMember,
  );
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
type End = { type?: string; title?: string; argumentTitle?: string };

function toImportGraph(
  r: IArgdownResponse,
  MAIN_CONCLUSION: string,
  PREMISE: string,
  canonicalText: (ec: IEquivalenceClass) => string | undefined,
  canonicalDescription: (a: IArgument) => { text?: string } | undefined,
): ImportGraph {
  const graph: ImportGraph = { sources: [], claims: [], relations: [], undercuts: [], unmapped: [], mapped: [] };
  const front = isObject(r.frontMatter) ? r.frontMatter : {};
  if (typeof front.title === 'string' && front.title.trim() !== '') graph.title = front.title.trim();
  const statements = r.statements ?? {};
  const args = r.arguments ?? {};
  const relations = r.relations ?? [];
  const ids = new IdPool();

  // Sources: argmap's own front matter (`sources:` as its export writes it).
  const sourceIds = new Map<string, ImportSource>();
  if (Array.isArray(front.sources)) {
    for (const s of front.sources) {
      if (!isObject(s) || typeof s.id !== 'string') continue;
      const source: ImportSource = { id: ids.take(s.id, 'source') };
      for (const field of ['speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note'] as const) {
        if (typeof s[field] === 'string' || typeof s[field] === 'number') source[field] = String(s[field]);
      }
      sourceIds.set(s.id, source);
      graph.sources.push(source);
    }
  }

  /** A relation's type as plain text (Argdown's enum holds these strings). */
  const typeOf = (rel: IRelation): string => rel.relationType;
  /** A conclusion that exists only inside its argument, with the argument's title: argmap's export names an inference so. */
  const mainOf = (a: IArgument): IPCSStatement | undefined => a.pcs?.[a.pcs.length - 1];
  const onlyConclusion = (ec: IEquivalenceClass) => ec.members.length > 0 && ec.members.every((m) => String(m.role) === MAIN_CONCLUSION);
  const inferenceArgument = new Map<string, IArgument>();
  for (const a of Object.values(args)) {
    const main = mainOf(a);
    if (main?.title !== undefined && main.title === a.title && statements[main.title] && onlyConclusion(statements[main.title]!))
      inferenceArgument.set(main.title, a);
  }
  // Relations by the statement they come from, and by each statement they touch (looked up once).
  const fromStatement = new Map<string, IRelation[]>();
  const touching = new Map<string, IRelation[]>();
  const push = (map: Map<string, IRelation[]>, key: string | undefined, rel: IRelation) => {
    if (key !== undefined) (map.get(key) ?? map.set(key, []).get(key)!).push(rel);
  };
  for (const rel of relations) {
    const from = rel.from as End;
    const to = rel.to as End;
    if (from.type !== 'argument') push(fromStatement, from.title, rel);
    if (from.type === 'equivalence-class') push(touching, from.title, rel);
    if (to.type === 'equivalence-class' && to.title !== from.title) push(touching, to.title, rel);
  }
  const relationsOf = (title: string) => fromStatement.get(title) ?? [];

  // Evidence: argmap's `{evidence: true}` statements that support exactly one statement.
  const evidenceOf = new Map<string, string>();
  for (const [title, ec] of Object.entries(statements)) {
    if (!isObject(ec.data) || ec.data.evidence !== true) continue;
    const out = touching.get(title) ?? [];
    const target = out[0]?.to as End | undefined;
    if (out.length === 1 && typeOf(out[0]!) === 'support' && target?.type === 'equivalence-class' && target.title !== undefined)
      evidenceOf.set(title, target.title);
  }

  const claimOf = new Map<string, ImportClaim>();
  const taggedNotes = (text: string, ec: { tags?: string[]; data?: unknown }, skip: string[] = []) => {
    let clean = text;
    for (const tag of ec.tags ?? []) clean = clean.split(`#(${tag})`).join(' ').split(`#${tag}`).join(' ');
    clean = clean.replace(/\s+/g, ' ').trim();
    const notes: string[] = [];
    if ((ec.tags ?? []).length > 0) notes.push(`Argdown tags: ${ec.tags!.map((t) => `#${/\s/.test(t) ? `(${t})` : t}`).join(' ')}`);
    const data = isObject(ec.data) ? Object.entries(ec.data).filter(([k]) => !skip.includes(k)) : [];
    if (data.length > 0) notes.push(`Argdown data: ${data.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}`);
    return { text: clean, note: notes.length > 0 ? notes.join('; ') : undefined };
  };
  let untitledText = 0;
  let untitledArguments = 0;
  const claimFor = (
    title: string,
    text: string | undefined,
    data: { tags?: string[]; data?: unknown },
    origin: string,
    statement = true,
  ): ImportClaim => {
    const tagged = taggedNotes(text ?? '', data);
    if (tagged.text === '' && statement) untitledText++;
    const claim: ImportClaim = { id: ids.take(title, 'claim'), text: tagged.text || title, origin, evidence: [] };
    if (tagged.note !== undefined) claim.note = tagged.note;
    graph.claims.push(claim);
    return claim;
  };
  let otherTexts = 0;
  for (const [title, ec] of Object.entries(statements)) {
    if (inferenceArgument.has(title) || evidenceOf.has(title)) continue;
    const text = canonicalText(ec);
    const claim = claimFor(title, text, ec, `statement [${title}]`);
    // A statement given more than one text: argmap keeps one, and the others in its note.
    const others = [
      ...new Set(ec.members.flatMap((m) => (typeof m.text === 'string' && m.text.trim() !== '' && m.text !== text ? [m.text.trim()] : []))),
    ];
    if (others.length > 0) {
      otherTexts++;
      const also = `Argdown also gives [${title}] as: ${others.map((t) => `"${t}"`).join('; ')}`;
      claim.note = claim.note === undefined ? also : `${claim.note}; ${also}`;
    }
    claimOf.set(title, claim);
  }
  // A sketched argument (no premise–conclusion structure) in a relation is a claim: its description.
  const sketchOf = new Map<string, ImportClaim>();
  let sketched = 0;
  const sketch = (a: IArgument): ImportClaim => {
    let claim = sketchOf.get(a.title!);
    if (!claim) {
      // Argdown's own choice of description: the canonical one, not a later bare reference `<Title>`.
      const description = canonicalDescription(a)?.text;
      if (!description?.trim()) untitledArguments++;
      claim = claimFor(a.title!, description ?? '', { tags: a.tags, data: a.data }, `argument <${a.title}>`, false);
      sketchOf.set(a.title!, claim);
      sketched++;
    }
    return claim;
  };
  for (const [title, target] of evidenceOf) {
    const claim = claimOf.get(target);
    if (!claim) continue;
    const ec = statements[title]!;
    const data = ec.data as Json;
    const tagged = taggedNotes(canonicalText(ec) ?? '', ec, ['evidence', 'source']);
    const sourceId = typeof data.source === 'string' ? data.source : undefined;
    if (sourceId !== undefined && !sourceIds.has(sourceId)) {
      const s: ImportSource = { id: ids.take(sourceId, 'source') };
      sourceIds.set(sourceId, s);
      graph.sources.push(s);
      graph.mapped.push(`source "${sourceId}" cited by [${title}] is not in the front matter: written as a source with only an id`);
    }
    claim.evidence.push({
      text: tagged.text || title,
      ...(sourceId !== undefined ? { source: sourceIds.get(sourceId)!.id } : {}),
      ...(tagged.note !== undefined ? { note: tagged.note } : {}),
    });
  }

  /** The claim an end of a relation stands for: a statement, a sketched argument, or a reconstructed argument's conclusion. */
  const claimAt = (end: End): ImportClaim | undefined => {
    if (end.type === 'argument') {
      const a = args[end.title!];
      if (!a) return undefined;
      const main = mainOf(a);
      return main ? claimOf.get(main.title!) : sketch(a);
    }
    return claimOf.get(end.title!);
  };
  const relationsFrom = new Map<string, number[]>();
  const add = (from: ImportClaim, to: ImportClaim, kind: 'support' | 'attack', group?: number): number => {
    graph.relations.push({ from: from.id, to: to.id, kind, ...(group !== undefined ? { group } : {}) });
    const i = graph.relations.length - 1;
    (relationsFrom.get(from.id) ?? relationsFrom.set(from.id, []).get(from.id)!).push(i);
    return i;
  };
  const describe = (rel: IRelation) => `${rel.relationType} ${name(rel.from as End)} → ${name(rel.to as End)}`;

  // Undercuts wait until every relation they may deny is known.
  /**
   * `via`: the argument whose named inference this undercut is (argmap's form of an undercut that is
   * undercut, or of a linked undercut); `group`: the linked undercut it is one premise of.
   */
  const pendingUndercuts: Array<{ from: ImportClaim; rel: IRelation; via?: string; group?: number }> = [];
  const undercut = (from: ImportClaim, rel: IRelation, via?: string, group?: number) =>
    pendingUndercuts.push({ from, rel, ...(via !== undefined ? { via } : {}), ...(group !== undefined ? { group } : {}) });

  // Premise–conclusion arguments: what each inference uses supports what it concludes; an inference
  // from several statements is a linked group (`together`) of them.
  const carried = new Map<string, number[]>();
  let linked = 0;
  let groups = 0;
  let linkedUndercuts = 0;
  let described = 0;
  for (const a of Object.values(args)) {
    const pcs = a.pcs ?? [];
    if (pcs.length === 0) continue;
    const steps: number[] = [];
    let since = 0;
    pcs.forEach((s, i) => {
      if (String(s.role) === PREMISE || i === 0) return;
      // A conclusion: the statements since the last conclusion (that conclusion included) support it.
      const uses = pcs.slice(since, i);
      since = i;
      const to = claimOf.get(s.title!);
      const froms = uses.flatMap((p) => claimOf.get(p.title!) ?? []);
      if (inferenceArgument.get(s.title!) === a) {
        // argmap's named inference: its premises do together what its conclusion does.
        for (const rel of relationsOf(s.title!)) {
          const target = claimAt(rel.to as End);
          const undercuts = typeOf(rel) === 'undercut';
          if (froms.length > 1) {
            if (undercuts) linkedUndercuts++;
            else linked++;
          }
          const group = froms.length > 1 ? groups++ : undefined;
          for (const from of froms) {
            if (undercuts) undercut(from, rel, a.title, group);
            else if (target) steps.push(add(from, target, typeOf(rel) === 'support' ? 'support' : 'attack', group));
          }
        }
        return;
      }
      if (!to) return;
      if (froms.length > 1) linked++;
      const group = froms.length > 1 ? groups++ : undefined;
      const first = graph.relations.length;
      for (const from of froms) steps.push(add(from, to, 'support', group));
      // The argument's description says what its final inference does: the note of that inference
      // (of its linked group, or of its one relation).
      const description = i === pcs.length - 1 ? canonicalDescription(a)?.text?.trim() : undefined;
      if (description && graph.relations.length > first) {
        const note = `Argdown argument <${a.title}>: ${taggedNotes(description, { tags: a.tags }).text}`;
        if (group !== undefined) graph.relations[first]!.groupNote = note;
        else graph.relations[first]!.note = note;
        described++;
      }
    });
    carried.set(a.title!, steps);
  }

  let contradictions = 0;
  for (const rel of relations) {
    const from = rel.from as End;
    if (from.type !== 'argument' && from.title !== undefined && (inferenceArgument.has(from.title) || evidenceOf.has(from.title))) continue;
    if (typeOf(rel) === 'undercut') {
      const u = claimAt(from);
      if (u) undercut(u, rel);
      else graph.unmapped.push(`${describe(rel)}: its source is not a claim`);
      continue;
    }
    const to = rel.to as End;
    if (to.type === 'argument' && (args[to.title!]?.pcs?.length ?? 0) > 0) {
      graph.unmapped.push(
        `${describe(rel)}: ${/^[aeiou]/.test(typeOf(rel)) ? 'an' : 'a'} ${typeOf(rel)} of a reconstructed argument as a whole has no argmap form (its statements are kept)`,
      );
      continue;
    }
    const a = claimAt(from);
    const b = claimAt(to);
    if (!a || !b) {
      graph.unmapped.push(`${describe(rel)}: one end is not a claim`);
      continue;
    }
    if (typeOf(rel) === 'support' || typeOf(rel) === 'entails') add(a, b, 'support');
    else if (typeOf(rel) === 'attack' || typeOf(rel) === 'contrary') add(a, b, 'attack');
    else if (typeOf(rel) === 'contradictory') {
      add(a, b, 'attack');
      add(b, a, 'attack');
      contradictions++;
    } else graph.unmapped.push(`${describe(rel)}: unknown relation type`);
  }

  // An undercut of an argument whose inference is itself an undercut (argmap's named inference)
  // denies that undercut: resolved once that undercut is, so passes repeat while they make progress.
  const undercutOfArgument = new Map<string, number>();
  let pending = pendingUndercuts;
  for (let progress = true; pending.length > 0 && progress;) {
    progress = false;
    const later: typeof pending = [];
    for (const p of pending) {
      const to = p.rel.to as End;
      const target = args[(to.type === 'inference' ? to.argumentTitle : to.title)!];
      let denied: number[] = target ? (carried.get(target.title!) ?? []) : [];
      if (target && denied.length === 0 && !target.pcs?.length) denied = relationsFrom.get(sketch(target).id) ?? [];
      const deniedUndercut = target ? undercutOfArgument.get(target.title!) : undefined;
      if (denied.length === 0 && deniedUndercut === undefined) {
        later.push(p);
        continue;
      }
      progress = true;
      const group = p.group !== undefined ? { group: p.group } : {};
      graph.undercuts.push(
        deniedUndercut !== undefined && denied.length === 0
          ? { from: p.from.id, relation: graph.undercuts[deniedUndercut]!.relation, undercut: deniedUndercut, ...group }
          : { from: p.from.id, relation: denied[0]!, ...group },
      );
      // An undercut of a linked undercut denies it as a whole: it names the group's first premise.
      if (p.via !== undefined && !undercutOfArgument.has(p.via)) undercutOfArgument.set(p.via, graph.undercuts.length - 1);
      const oneGroup = denied.every(
        (r) => graph.relations[r]!.group !== undefined && graph.relations[r]!.group === graph.relations[denied[0]!]!.group,
      );
      if (denied.length > 1 && !oneGroup)
        graph.mapped.push(
          `undercut by ${p.from.id} of <${target!.title}>, an inference of ${denied.length} relations: attached to the first`,
        );
    }
    pending = later;
  }
  for (const { rel } of pending) {
    const to = rel.to as End;
    graph.unmapped.push(
      `undercut by ${name(rel.from as End)} of <${to.argumentTitle ?? to.title ?? '?'}>: its inference relates no claims`,
    );
  }

  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  graph.mapped.unshift(
    `${count(Object.keys(statements).length, 'statement')} → ${count(claimOf.size, 'claim')} and ${count(evidenceOf.size, 'piece', 'pieces')} of evidence; ${count(Object.keys(args).length, 'argument')}, ${sketched} sketched (a claim each, its description)`,
    `${count(relations.length, 'Argdown relation')} and the arguments' inferences → ${count(graph.relations.length, 'relation')}, ${count(graph.undercuts.length, 'undercut')}`,
  );
  if (linked > 0) graph.mapped.push(`${count(linked, 'inference')} from several premises: each written as one linked group (\`together\`)`);
  if (linkedUndercuts > 0)
    graph.mapped.push(
      `${count(linkedUndercuts, 'undercut')} from several premises: each written as one \`together\` group with \`undercut: true\``,
    );
  if (contradictions > 0) graph.mapped.push(`${count(contradictions, 'contradiction')}: written as an attack each way`);
  if (untitledText > 0) graph.mapped.push(`${count(untitledText, 'statement')} with no text: the title is the text`);
  if (untitledArguments > 0)
    graph.mapped.push(`${count(untitledArguments, 'sketched argument')} with no description: the title is the text`);
  if (otherTexts > 0)
    graph.mapped.push(
      `${count(otherTexts, 'statement')} given more than one text: the claim has the one Argdown takes (the last), its note the others`,
    );
  if (described > 0)
    graph.mapped.push(`${count(described, 'reconstructed argument')} with a description: written as the note of its final inference`);
  return graph;
}

function name(end: End): string {
  return end.type === 'inference' ? `<${end.argumentTitle}>` : end.type === 'argument' ? `<${end.title}>` : `[${end.title}]`;
}
