import { stringify } from 'yaml';

/**
 * A valid argument file of exactly `claims` claims, shaped like a real map grown large: a
 * recommendation, a row of reasons and risks under it (about one in nine claims), and under those
 * sub-reasons, counterpoints and their rebuttals, three levels deep, with sourced evidence on most
 * reasons. Texts are sentences of 6 to 32 words from a fixed seed, so the same size gives the same
 * file. For drawing and report tests at sizes no fixture has (60, 200 claims).
 */
export function syntheticMap(claims: number): string {
  let seed = 19;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const WORDS =
    'the city should fund more buses because riders wait too long at stops while traffic grows every year and the council keeps delaying a plan that neighbours asked for in surveys last spring'.split(
      ' ',
    );
  const sentence = () => {
    const n = 6 + Math.floor(next() * 27);
    const words = Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const sources = Array.from({ length: 10 }, (_, i) => ({
    id: `s${i + 1}`,
    speaker: `Speaker ${i + 1}`,
    role: 'transit analyst',
    date: `2025-0${(i % 9) + 1}-1${i % 10}`,
  }));
  let made = 0;
  type Node = Record<string, unknown> & { id: string; text: string };
  const claim = (kind: string): Node => {
    made++;
    const node: Node = { id: `${kind}-${made}`, text: sentence() };
    if (kind === 'reason' || kind === 'risk') {
      if (made % 5 !== 0) node.evidence = [{ text: sentence(), source: `s${(made % 10) + 1}` }];
      else if (made % 2 === 0) node.assumption = true;
    }
    if (kind === 'counterpoint' && made % 3 === 0) node.conceded = true;
    return node;
  };
  const push = (parent: Node, key: string, child: Node) => {
    const list = (parent[key] as Node[] | undefined) ?? [];
    list.push(child);
    parent[key] = list;
  };

  const recommendation = claim('recommendation');
  const top: Node[] = [];
  const branches = Math.max(2, Math.min(claims - 1, Math.round(claims / 9)));
  for (let i = 0; i < branches; i++) {
    const kind = i % 4 === 3 ? 'risk' : 'reason';
    const node = claim(kind);
    push(recommendation, kind === 'risk' ? 'risks' : 'reasons', node);
    top.push(node);
  }
  // Grow level by level, round robin over the level above, until the map has its size.
  let level: Array<{ node: Node; kind: string }> = top.map((node) => ({ node, kind: node.id.split('-')[0]! }));
  while (made < claims && level.length > 0) {
    const below: typeof level = [];
    for (let round = 0; round < 3 && made < claims; round++) {
      for (const { node, kind } of level) {
        if (made >= claims) break;
        let childKind: string;
        let key: string;
        if (kind === 'counterpoint') [childKind, key] = ['rebuttal', 'rebuttals'];
        else if (round === 2) [childKind, key] = ['counterpoint', 'counterpoints'];
        else [childKind, key] = ['reason', 'reasons'];
        const child = claim(childKind);
        push(node, key, child);
        below.push({ node: child, kind: childKind });
      }
    }
    level = below;
  }
  return `# A synthetic map of ${claims} claims, made by test/helpers/maps.ts.\n${stringify({
    argmap: 1,
    title: `A map of ${claims} claims`,
    sources,
    recommendation,
  })}`;
}
