import type { ClaimKind } from '../model/types';
import {
  KIND_LABEL,
  LABEL_WIDTH,
  claimMarkers,
  legendEntries,
  oneLine,
  statusLine,
  wrap,
  type ClaimNode,
  type DiagramEdge,
  type Diagram,
  type DiagramNode,
  RANKDIR,
} from './diagram';
import { CONCEDED_FILL, EDGE_COLOR, KIND_STYLE, UNSUPPORTED_COLOR, WARNING_TEXT } from './dot';
import { STATUS_COLORS } from './status-colors';

/**
 * The argument as a Mermaid flowchart (GitHub renders it in Markdown), growing from the
 * recommendation in the diagram's direction (Mermaid, like Graphviz, lays edges out in the direction
 * given, and ours point at the recommendation: `TB` is written `flowchart BT`); one node per claim,
 * styled by class; an undercut ends on a small node placed on the link it attacks.
 *
 * Escaping: every label is a `["..."]` string, and every character of file text that could end the
 * string, open a directive (`%%{`), start Markdown (`` ` ``, `*`, `_`) or HTML (`<`, `&`), or be read
 * as an entity (`#`) is written as a Mermaid entity code (`#34;`), which Mermaid turns back into the
 * character only after parsing, as text. The only markup in a label is argmap's own `<b>`, `<i>`,
 * `<br/>`.
 */

/**
 * File text for a Mermaid `"..."` label: one line, specials as `#<code>;` entities; so are C1
 * controls and bidirectional overrides (Mermaid draws the same character; a terminal showing the
 * source never sees it raw).
 */
export function mermaidText(text: string): string {
  return oneLine(text).replace(/["#%&<>`{}[\]|\\;*_~\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `#${c.charCodeAt(0)};`);
}

const lines = (text: string, maxLines?: number) => wrap(text, LABEL_WIDTH, maxLines).map(mermaidText).join('<br/>');

/** Mermaid ids allow no hyphens in every position: `claim-a-b` becomes `claim_a_b` (injective: slugs have no `_`). */
const mermaidId = (id: string) => id.replace(/-/g, '_');

/**
 * A colour as Mermaid markup may hold it: `rgb(r,g,b)`, as `#rrggbb;` in a label would be read as
 * an entity code.
 */
function rgb(hex: string): string {
  return `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',')})`;
}

/** A claim's status word on its colour (an inline style, as GitHub's Mermaid keeps it), then why, when it says `unsupported`. */
function statusText(node: ClaimNode): string {
  const { status, why } = statusLine(node);
  const { text, background } = STATUS_COLORS[status];
  const badge = `<span style='color:${rgb(text)};background:${rgb(background)};border:1px solid ${rgb(text)};border-radius:4px;padding:0 4px'><b>${status}</b></span>`;
  return `<small>${badge}${why !== undefined ? ` <b style='color:${rgb(WARNING_TEXT)}'>${mermaidText(why)}</b>` : ''}</small>`;
}

function claimLabel(node: ClaimNode): string {
  const head = `<small><b>${KIND_LABEL[node.kind]}</b>${node.claim.id !== undefined ? ` · ${mermaidText(node.claim.id)}` : ''}</small>`;
  const body = node.kind === 'recommendation' ? `<b>${lines(node.text, 12)}</b>` : lines(node.text);
  const marks = claimMarkers(node).map((m) => (m.startsWith('⚠') ? `<b>${mermaidText(m)}</b>` : `<i>${mermaidText(m)}</i>`));
  const evidence = node.evidence.map((e) => `<small>▪ ${lines(e.text, 3)}<br/><i>${lines(`— ${e.attribution}`, 2)}</i></small>`);
  return [head, statusText(node), body, ...marks, ...evidence].join('<br/>');
}

function nodeLine(node: DiagramNode): string {
  const id = mermaidId(node.id);
  if (node.type === 'link') return `  ${id}(("#8226;"))`;
  if (node.type === 'junction') return `  ${id}(["<small>together</small>"])`;
  if (node.type === 'evidence') {
    return `  ${id}["<small><b>EVIDENCE</b></small><br/>${lines(node.text, 6)}<br/><i>${lines(`— ${node.attribution}`, 2)}</i>"]`;
  }
  const label = claimLabel(node);
  if (node.kind === 'recommendation') return `  ${id}("${label}")`;
  return `  ${id}["${label}"]`;
}

function edgeLine(e: DiagramEdge): string {
  const dotted = e.kind === 'undercut' || e.kind === 'evidence';
  let arrow: string;
  if (e.part === 'tail') arrow = dotted ? '-.-' : '---';
  else if (e.kind === 'support') arrow = '-->';
  else if (e.kind === 'evidence') arrow = '-.->';
  else if (e.kind === 'attack') arrow = '--o';
  else arrow = '-.-o';
  return `  ${mermaidId(e.from)} ${arrow} ${mermaidId(e.to)}`;
}

/** The Mermaid source of one argument's drawing (without a fence). Same graph, same bytes. */
export function formatMermaid(model: Diagram): string {
  const out = [`flowchart ${RANKDIR[model.direction]}`];
  for (const node of model.nodes) out.push(nodeLine(node));
  for (const e of model.edges) out.push(edgeLine(e));

  // The legend (`legendEntries`): one node per text, each styled as what it explains.
  const legend = legendEntries(model);
  out.push('  subgraph legend["Legend"]');
  out.push('    direction LR');
  // A drawing of part of the map says which part.
  if (model.scope !== undefined) out.push(`    legend_scope["<b>${mermaidText(model.scope)}</b>"]`);
  for (const e of legend) {
    const text = e.key === 'unsupported' ? `<b>${mermaidText(e.text)}</b>` : mermaidText(e.text);
    out.push(`    ${mermaidId(`legend_${e.key}`)}["${text}"]`);
  }
  out.push('  end');

  for (const kind of Object.keys(KIND_STYLE) as ClaimKind[]) {
    const { fill, border } = KIND_STYLE[kind];
    out.push(`  classDef ${kind} fill:${fill},stroke:${border},color:#0f172a${kind === 'recommendation' ? ',stroke-width:2px' : ''}`);
  }
  for (const [status, { text, background }] of Object.entries(STATUS_COLORS)) {
    out.push(`  classDef status_${status} fill:${background},stroke:${text},color:${text}`);
  }
  out.push(`  classDef conceded fill:${CONCEDED_FILL}`);
  out.push(`  classDef unsupported stroke:${UNSUPPORTED_COLOR},stroke-width:3px,stroke-dasharray:6 4`);
  out.push('  classDef assumption stroke-width:2px,stroke-dasharray:2 3');
  out.push('  classDef evidence fill:#f8fafc,stroke:#94a3b8,color:#334155');
  out.push(`  classDef link fill:${EDGE_COLOR.undercut},stroke:${EDGE_COLOR.undercut}`);
  out.push('  classDef junction fill:#ffffff,stroke:#475569,color:#334155');
  out.push('  classDef legend fill:#ffffff,stroke:#cbd5e1,color:#0f172a');

  const byClass = new Map<string, string[]>();
  const add = (cls: string, id: string) => {
    const ids = byClass.get(cls);
    if (ids) ids.push(id);
    else byClass.set(cls, [id]);
  };
  for (const node of model.nodes) {
    const id = mermaidId(node.id);
    if (node.type === 'claim') {
      add(node.kind, id);
      if (node.conceded) add('conceded', id);
      if (node.unsupported !== undefined) add('unsupported', id);
      if (node.assumption) add('assumption', id);
    } else add(node.type, id);
  }
  if (model.scope !== undefined) add('legend', 'legend_scope');
  for (const e of legend) {
    const id = mermaidId(`legend_${e.key}`);
    if (e.key in KIND_STYLE) add(e.key, id);
    else if (e.key.startsWith('status-')) add(mermaidId(e.key), id);
    else add(e.key === 'unsupported' || e.key === 'conceded' || e.key === 'assumption' ? e.key : 'legend', id);
  }
  for (const [cls, ids] of byClass) out.push(`  class ${ids.join(',')} ${cls}`);

  model.edges.forEach((e, i) => {
    const width = e.kind === 'evidence' ? 1 : 2;
    out.push(`  linkStyle ${i} stroke:${EDGE_COLOR[e.kind]},stroke-width:${width}px`);
  });
  return `${out.join('\n')}\n`;
}
