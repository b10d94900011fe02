import type { ArgumentGraph, Claim, Edge, LinkedGroup, UndercutEdge } from '../../model/types';
import { IdPool, slug } from '../../model/ids';
import { UniqueIds } from '../../util/unique-ids';

/**
 * The graph as Argdown text (https://argdown.org/syntax/), written from the documented syntax and
 * judged by Argdown's own parser (test/format/export/argdown-judge.test.ts):
 *
 * - every claim once, as a top-level statement definition `[title]: text` (the title is the claim's
 *   id, or one made from its text), followed by its incoming relations, one level deep: `+ [a]` (a
 *   supports it), `- [b]` (b attacks it);
 * - evidence as statements with `{evidence: true}` data (and the source id), supporting their claim;
 *   the source registry in the front matter;
 * - a linked group (`together`) as a premise–conclusion argument `<name>` with numbered premises
 *   `(1)`, `(2)`, ... and, after the inference line (with the group's undercuts `<_ [u]` under it),
 *   the claim they support; a linked objection concludes a statement of its own (as an undercut
 *   attack does, below) and the argument attacks the claim (`-> [claim]`). The premises' relations
 *   are not written one by one: the group's one relation is its argument's; a linked undercut
 *   concludes a statement of its own that undercuts the argument it denies (`_> <...>`);
 * - a relation that is undercut as a premise–conclusion argument, because Argdown undercuts attack
 *   an argument's inference: a support `a → b` is the argument `(1) [a] ---- (2) [b]`; an attack
 *   `a → b` is `(1) [a] ---- (2)` a conclusion of its own that attacks `[b]` (an argument always
 *   supports its conclusion, so `[b]` cannot be it); an undercut that is itself undercut is an
 *   argument whose conclusion undercuts the argument it denies (a linked group's, or a relation's).
 *   The undercutters stand under the inference line, `<_ [u]`, and the plain relation is not
 *   written again. A claim's attack on itself is written as an argument too: Argdown drops a
 *   statement's relation to itself.
 *
 * Generated titles never collide with ids: ids are kebab-case, and every generated title other than
 * a claim's or a linked group's has spaces (`foo evidence 1`, `a attacks b`); a claim without an id
 * gets a kebab-case title from its text, and a linked group its argument name, only after every id
 * is taken, from the same pool.
 */
export function toArgdown(graph: ArgumentGraph): string {
  const titles = new IdPool();
  const title = new Map<Claim, string>();
  for (const claim of graph.claims) if (claim.id !== undefined) title.set(claim, titles.take(claim.id, 'claim'));
  for (const claim of graph.claims) if (claim.id === undefined) title.set(claim, titles.take(slug(claim.text), 'claim'));
  const t = (claim: Claim) => title.get(claim)!;

  // Each linked group's argument name, unique among titles (the group carries its own inference).
  const groupName = new Map<LinkedGroup, string>();
  for (const group of graph.groups) {
    if (group.edges.length === 0) continue;
    if (group.kind === 'undercut') groupName.set(group, titles.take(`${t(group.premises[0]!)}-linked-undercut`, 'argument'));
    else if (group.to)
      groupName.set(group, titles.take(`${t(group.to)}-${group.kind === 'support' ? 'linked-argument' : 'linked-objection'}`, 'argument'));
  }

  // The other relations that need an argument (they are undercut), each with a unique title.
  const inferenceTitles = new UniqueIds();
  const argument = new Map<Edge, string>();
  const inGroup = (e: Edge): boolean => e.group !== undefined && groupName.has(e.group);
  const nameOf = (e: Edge): string | undefined => (inGroup(e) ? groupName.get(e.group!) : argument.get(e));
  const edgeName = (e: Edge): string =>
    e.kind === 'undercut'
      ? `${t(e.from)} undercuts (${nameOf(e.to)})`
      : `${t(e.from)} ${e.kind === 'support' ? 'supports' : 'attacks'} ${t(e.to)}`;
  const needsArgument = (e: Edge): void => {
    if (argument.has(e) || inGroup(e)) return;
    if (e.kind === 'undercut') needsArgument(e.to);
    argument.set(e, inferenceTitles.take(edgeName(e)));
  };
  // Argdown drops a statement's attack on itself; as an argument's conclusion attacking it, it stays.
  for (const e of graph.edges) if (e.undercutBy.length > 0 || (e.kind === 'attack' && e.from === e.to)) needsArgument(e);

  // A used claim's evidence may name its source qualified (`sources#tide-table`): the front matter
  // lists the source by its id, so the evidence names it so too, unless two listed sources share it.
  const listed = new Map<string, number>();
  for (const s of graph.sources) if (s.id !== undefined) listed.set(s.id, (listed.get(s.id) ?? 0) + 1);
  const sourceIdOf = (e: (typeof graph.claims)[number]['evidence'][number]) =>
    e.source?.id !== undefined && listed.get(e.source.id) === 1 && graph.sources.includes(e.source) ? e.source.id : e.sourceId;

  const out: string[] = [];
  const front: string[] = [];
  if (graph.title !== undefined) front.push(`title: ${JSON.stringify(graph.title)}`);
  if (graph.sources.length > 0) {
    front.push('sources:');
    for (const s of graph.sources) {
      const fields = (['id', 'speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'note'] as const).flatMap((k) =>
        s[k] !== undefined ? [`${k}: ${JSON.stringify(s[k])}`] : [],
      );
      front.push(`  - {${fields.join(', ')}}`);
    }
  }
  if (front.length > 0) {
    out.push('===');
    for (const line of front) out.push(line);
    out.push('===', '');
  }
  if (graph.title !== undefined) out.push(`# ${escape(graph.title)}`, '');

  let file = graph.file;
  for (const claim of graph.claims) {
    // The claims of each file the exported one uses follow its own, under a comment naming the file.
    if (claim.file !== file) {
      file = claim.file;
      if (file) out.push(`// From ${oneLine(file.path)}, which ${oneLine(graph.file?.path ?? 'this file')} uses:`, '');
    }
    out.push(`[${t(claim)}]: ${escape(claim.text)}`);
    for (const edge of claim.incoming) {
      const sign = edge.kind === 'support' ? '+' : '-';
      // A linked group's relation is its argument's (below), written there once.
      if (!edge.group && !argument.has(edge)) out.push(`    ${sign} [${t(edge.from)}]`);
    }
    claim.evidence.forEach((e, i) => {
      const id = sourceIdOf(e);
      const data = `{evidence: true${id !== undefined ? `, source: ${JSON.stringify(id)}` : ''}}`;
      out.push(`    + [${t(claim)} evidence ${i + 1}]: ${escape(e.text)} ${data}`);
    });
    out.push('');
  }

  // The undercuts written under an inference line: plain ones; those with an argument of their
  // own (a linked undercut, an undercut that is undercut) aim at the inference from there.
  const undercutLines = (edge: Edge) => {
    for (const u of edge.undercutBy) if (!argument.has(u) && !inGroup(u)) out.push(`    <_ [${t(u.from)}]`);
  };
  for (const [group, name] of groupName) {
    const first = group.edges[0]!;
    out.push(`<${name}>`);
    if (group.kind === 'attack') out.push(`    -> [${t(group.to!)}]`);
    if (first.kind === 'undercut') out.push(`    _> <${nameOf(first.to)}>`);
    out.push('');
    const premises = [...new Set(group.premises)];
    premises.forEach((p, i) => out.push(`(${i + 1}) [${t(p)}]`));
    out.push('----');
    undercutLines(first);
    const n = premises.length + 1;
    if (group.kind === 'support') out.push(`(${n}) [${t(group.to!)}]`, '');
    else if (first.kind === 'undercut')
      out.push(`(${n}) [${name}]: ${escape(`The inference of <${nameOf(first.to)}> does not hold.`)}`, '');
    else out.push(`(${n}) [${name}]: It is not the case that: ${escape(group.to!.text)}`, '');
  }
  for (const [e, name] of argument) {
    out.push(`<${name}>`);
    if (e.kind === 'attack') out.push(`    -> [${t(e.to)}]`);
    if (e.kind === 'undercut') out.push(`    _> <${nameOf(e.to)}>`);
    out.push('', `(1) [${t(e.from)}]`, '----');
    undercutLines(e);
    if (e.kind === 'support') out.push(`(2) [${t(e.to)}]`, '');
    else if (e.kind === 'attack') out.push(`(2) [${name}]: It is not the case that: ${escape(e.to.text)}`, '');
    else out.push(`(2) [${name}]: ${escape(`The inference of <${nameOf((e as UndercutEdge).to)}> does not hold.`)}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A path in a comment: on one line, as a comment runs to the end of its line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Backslash-escapes what Argdown would read as markup: titles, tags, mentions, emphasis, comments, data. */
function escape(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\[\]<>#@*_{}/]/g, (c) => `\\${c}`);
}
