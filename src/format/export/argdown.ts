import type { ArgumentGraph, Claim, ClaimEdge, UndercutEdge } from '../../model/types';
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
 *   premise and conclusion are the two claims, with `<_ [undercutter]` under its inference line.
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

  for (const claim of graph.claims) {
    const lines = [`[${title.get(claim)}]: ${escape(claim.text)}`];
    for (const edge of claim.incoming as ClaimEdge[]) lines.push(`    ${edge.kind === 'support' ? '+' : '-'} [${title.get(edge.from)}]`);
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
    else (denied.get(u.to) ?? denied.set(u.to, []).get(u.to)!).push(u);
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
