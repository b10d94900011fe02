import type { ArgumentGraph, Claim, ClaimEdge, LinkedGroup, UndercutEdge } from '../../model/types';
import { IdPool, slug } from '../../model/ids';

/**
 * The graph as Argdown text (https://argdown.org/syntax/), written from the documented syntax:
 *
 * - every claim once, as a top-level statement definition `[title]: text` (the title is the claim's
 *   id, or one made from its text), followed by its incoming relations, one level deep: `+ [a]` (a
 *   supports it), `- [b]` (b attacks it);
 * - evidence as statements tagged `#evidence`, supporting their claim, with the source id in the
 *   statement's YAML data; the source registry in the front matter;
 * - an undercut as Argdown expresses it: the link it denies reconstructed as an argument whose
 *   premise and conclusion are the two claims, with `<_ [undercutter]` under its inference line;
 * - a linked group (`together`) as a premise–conclusion argument `<name>` with numbered premises
 *   `(1)`, `(2)`, ... and, after the inference line (with the group's undercuts `<_ [u]` under it),
 *   the claim they support; for a linked objection, a conclusion that contradicts (`><`) the claim
 *   it attacks. The claim lists the argument among its relations (`+ <name>`, `- <name>`).
 */
export function toArgdown(graph: ArgumentGraph): string {
  const titles = new IdPool();
  const title = new Map<Claim, string>();
  for (const claim of graph.claims) if (claim.id !== undefined) title.set(claim, titles.take(claim.id, 'claim'));
  for (const claim of graph.claims) if (claim.id === undefined) title.set(claim, titles.take(slug(claim.text), 'claim'));

  const out: string[] = [];
  const front: string[] = [];
  if (graph.title !== undefined) front.push(`title: ${JSON.stringify(graph.title)}`);
  if (graph.sources.length > 0) {
    front.push('sources:');
    for (const s of graph.sources) {
      const fields = (['id', 'speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind'] as const).flatMap((k) =>
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

  // Each linked group's argument name, unique among titles.
  const argument = new Map<LinkedGroup, string>();
  for (const group of graph.groups) {
    if (group.to && group.edges.length > 0) argument.set(group, titles.take(`${title.get(group.to)}-${group.kind === 'support' ? 'linked-argument' : 'linked-objection'}`, 'argument'));
  }

  for (const claim of graph.claims) {
    const lines = [`[${title.get(claim)}]: ${escape(claim.text)}`];
    for (const edge of claim.incoming as ClaimEdge[]) {
      const sign = edge.kind === 'support' ? '+' : '-';
      if (!edge.group) lines.push(`    ${sign} [${title.get(edge.from)}]`);
      else if (edge.group.edges[0] === edge) lines.push(`    ${sign} <${argument.get(edge.group)}>`);
    }
    claim.evidence.forEach((e, i) => {
      const data = e.sourceId !== undefined ? ` {source: ${JSON.stringify(e.sourceId)}}` : '';
      lines.push(`    + [${title.get(claim)}-evidence-${i + 1}]: ${escape(e.text)} #evidence${data}`);
    });
    for (const line of lines) out.push(line);
    out.push('');
  }

  const undercuts = graph.edges.filter((e): e is UndercutEdge => e.kind === 'undercut');
  const denied = new Map<ClaimEdge, UndercutEdge[]>();
  const unsupported: UndercutEdge[] = [];
  for (const u of undercuts) {
    if (u.to.kind === 'undercut') unsupported.push(u);
    else if (!u.to.group) (denied.get(u.to) ?? denied.set(u.to, []).get(u.to)!).push(u);
  }
  for (const [group, name] of argument) {
    out.push(`<${name}>`, '');
    const premises = [...new Set(group.premises)];
    premises.forEach((p, i) => out.push(`(${i + 1}) [${title.get(p)}]`));
    out.push('----');
    for (const u of group.undercutBy) out.push(`    <_ [${title.get(u.from)}]`);
    const n = premises.length + 1;
    if (group.kind === 'support') out.push(`(${n}) [${title.get(group.to!)}]`, '');
    else out.push(`(${n}) [${name}-conclusion]: ${escape(`Not: ${group.to!.text}`)}`, `    >< [${title.get(group.to!)}]`, '');
  }
  for (const [link, cuts] of denied) {
    const name = `${title.get(link.from)} ${link.kind === 'support' ? 'supports' : 'attacks'} ${title.get(link.to)}`;
    out.push(`<${escape(name)}>`, '');
    out.push(`(1) [${title.get(link.from)}]`, '----');
    for (const u of cuts) out.push(`    <_ [${title.get(u.from)}]`);
    out.push(`(2) [${title.get(link.to)}]`, '');
  }
  for (const u of unsupported) {
    out.push(`// [${title.get(u.from)}] undercuts an undercut (of [${title.get((u.to as UndercutEdge).from)}]); Argdown has no syntax for it`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Backslash-escapes what Argdown would read as markup: titles, tags, mentions, emphasis, comments, data. */
export function escape(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\[\]<>#@*_{}/]/g, (c) => `\\${c}`);
}
