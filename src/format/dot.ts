import type { ClaimKind } from '../model/types';
import type { Status } from '../view/evaluation';
import {
  KIND_LABEL,
  LABEL_WIDTH,
  RANKDIR,
  claimMarkers,
  legendEntries,
  oneLine,
  statusLine,
  wrap,
  type ClaimNode,
  type EvidenceNode,
  type DiagramEdge,
  type Diagram,
  type LegendEntry,
} from './diagram';
import { STATUS_COLORS } from './status-colors';

/**
 * The argument as Graphviz DOT, growing from the recommendation in the diagram's direction (edges
 * point from the supporting or attacking claim to what it supports or attacks, so `rankdir` is the
 * opposite of the direction), one node per claim named by its
 * stable id, evidence below its claim, and a legend. Every label is an HTML-like label built from
 * escaped text (`htmlText`); every other string from the file is a quoted DOT string (`dotString`).
 */

export interface DotOptions {
  /** Link each claim node to `#<prefix><node id>` (the HTML report links the map to its outline). */
  linkPrefix?: string;
  /** Put before every node id (the HTML report's second and later drawings of a file: `d2-claim-x`). */
  idPrefix?: string;
}

/**
 * A DOT quoted string: backslashes and double quotes escaped, line breaks and controls removed, and
 * `&` written `&amp;` (Graphviz reads entities in strings, so `&lt;` would otherwise come out `<`).
 */
export function dotString(text: string): string {
  return `"${terminalSafe(oneLine(text).replace(/&/g, '&amp;')).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Text for an HTML-like label: the five XML specials as entities, controls removed, and backslashes
 * doubled (Graphviz still reads `\N`, `\G`, ... in HTML-like labels; `\\` is one backslash).
 */
export function htmlText(text: string): string {
  return oneLine(text)
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(TERMINAL_UNSAFE, entity);
}

/** C1 controls and bidirectional overrides: drawn the same from an entity, never raw on a terminal. */
const TERMINAL_UNSAFE = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const entity = (c: string) => `&#${c.charCodeAt(0)};`;
/** Text with `&` already escaped, its terminal-unsafe characters as entities. */
const terminalSafe = (text: string) => text.replace(TERMINAL_UNSAFE, entity);

export const KIND_STYLE: Record<ClaimKind, { fill: string; border: string }> = {
  recommendation: { fill: '#dbeafe', border: '#1d4ed8' },
  reason: { fill: '#dcfce7', border: '#15803d' },
  risk: { fill: '#fef3c7', border: '#b45309' },
  counterpoint: { fill: '#fee2e2', border: '#b91c1c' },
  rebuttal: { fill: '#ede9fe', border: '#6d28d9' },
};
/** The border of an unsupported claim (and of evidence without a known source). */
export const UNSUPPORTED_COLOR = '#dc2626';
/**
 * Warnings written as text (⚠ rests on nothing, ⚠ no source given): darker than the border, for
 * 5.2:1 or more on every fill a box can have (#dc2626 gave 3.9:1 on the grey of a conceded box).
 */
export const WARNING_TEXT = '#b91c1c';
/** The grey of a claim's kind and id, and of a source's name: 6.1:1 or more on every fill. */
const MUTED_TEXT = '#475569';
const ATTRIBUTION_TEXT = '#334155';
export const CONCEDED_FILL = '#e5e7eb';
export const EDGE_COLOR = { support: '#15803d', attack: '#b91c1c', undercut: '#c2410c', evidence: '#64748b' } as const;

// Graphviz measures text with its built-in Helvetica metrics only when the name is exactly this;
// the SVG asks for Helvetica or fonts of its widths (`FONT_FAMILY` in svg.ts).
const FONT = 'Helvetica';
/**
 * The smallest type in a drawing, in points (the kind of a claim, evidence, the legend). With it, a
 * drawing up to 1,233 pt wide keeps text at 9 CSS px or more in the report's 1,110 px at 1280 px.
 */
const SMALL = 10;

function lines(text: string, maxLines?: number): string {
  return wrap(text, LABEL_WIDTH, maxLines).map(htmlText).join('<BR/>');
}

/** An HTML-like label, already built from escaped text: written as is, between `<` and `>`. */
interface Html {
  html: string;
}
const html = (markup: string): Html => ({ html: markup });

function attrs(list: Record<string, string | number | Html | undefined>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(list)) {
    if (value === undefined) continue;
    const written = typeof value === 'number' ? String(value) : typeof value === 'string' ? dotString(value) : `<${value.html}>`;
    parts.push(`${key}=${written}`);
  }
  return `[${parts.join(', ')}]`;
}

/** The most characters of a text a tooltip holds; the node's label is cut shorter still. */
export const TOOLTIP_MAX = 1000;

/** A node's full text for its tooltip, cut with `…` past TOOLTIP_MAX (never inside a character). */
function tooltip(text: string): string {
  if (text.length <= TOOLTIP_MAX) return text;
  const end = text.charCodeAt(TOOLTIP_MAX - 1) >= 0xd800 && text.charCodeAt(TOOLTIP_MAX - 1) <= 0xdbff ? TOOLTIP_MAX - 1 : TOOLTIP_MAX;
  return `${text.slice(0, end)}…`;
}

/** Helvetica-Bold's advance widths of the lowercase letters, in thousandths of the type size. */
const BOLD_WIDTHS: Record<string, number> = {
  a: 556,
  b: 611,
  c: 556,
  d: 611,
  e: 556,
  f: 333,
  g: 611,
  h: 611,
  i: 278,
  j: 278,
  k: 556,
  l: 278,
  m: 889,
  n: 611,
  o: 611,
  p: 611,
  q: 611,
  r: 389,
  s: 556,
  t: 333,
  u: 611,
  v: 556,
  w: 778,
  x: 556,
  y: 556,
  z: 500,
};

/**
 * A claim's status word on its colour, as a small bordered badge (sized to its word: a cell of a
 * table stretches to the width of its box otherwise); then why, when it says `unsupported`.
 */
function statusRow(node: ClaimNode): string {
  const { status, why } = statusLine(node);
  const { text, background } = STATUS_COLORS[status];
  const width = Math.ceil(([...status].reduce((sum, c) => sum + (BOLD_WIDTHS[c] ?? 611), 0) * SMALL) / 1000) + 10;
  const badge = `<TD><TABLE BORDER="1" STYLE="rounded" COLOR="${text}" BGCOLOR="${background}" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0" FIXEDSIZE="TRUE" WIDTH="${width}" HEIGHT="${SMALL + 2}"><TR><TD><FONT POINT-SIZE="${SMALL}" COLOR="${text}"><B>${status}</B></FONT></TD></TR></TABLE></TD>`;
  const after = why !== undefined ? `<TD><FONT POINT-SIZE="${SMALL}" COLOR="${WARNING_TEXT}"><B> ${htmlText(why)}</B></FONT></TD>` : '';
  return `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>${badge}${after}</TR></TABLE>`;
}

function claimNode(node: ClaimNode, options: DotOptions): string {
  const id = `${options.idPrefix ?? ''}${node.id}`;
  const { claim } = node;
  const head = `<FONT POINT-SIZE="${SMALL}" COLOR="${MUTED_TEXT}"><B>${KIND_LABEL[node.kind]}</B>${
    claim.id !== undefined ? ` · ${htmlText(claim.id)}` : ''
  }</FONT>`;
  const body = node.kind === 'recommendation' ? `<B>${lines(node.text, 12)}</B>` : lines(node.text);
  const marks = claimMarkers(node).map((m) =>
    m.startsWith('⚠') ? `<FONT COLOR="${WARNING_TEXT}"><B>${htmlText(m)}</B></FONT>` : `<I>${htmlText(m)}</I>`,
  );
  const evidence = node.evidence.map((e) => {
    const who = lines(`— ${e.attribution}`, 2);
    return `<FONT POINT-SIZE="${SMALL}">▪ ${lines(e.text, 3).replace(/<BR\/>/g, '<BR/>  ')}<BR/><I><FONT COLOR="${
      e.sourced ? ATTRIBUTION_TEXT : WARNING_TEXT
    }">${who}</FONT></I></FONT>`;
  });
  const rows = [head, statusRow(node), [body, ...marks, ...evidence].join('<BR/>')];
  const label = html(
    `<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">${rows.map((r) => `<TR><TD>${r}</TD></TR>`).join('')}</TABLE>`,
  );
  const style = KIND_STYLE[node.kind];
  const unsupported = node.unsupported !== undefined;
  return `  ${dotString(node.id)} ${attrs({
    id,
    class: `claim ${node.kind}${unsupported ? ' unsupported' : ''}${node.assumption ? ' assumption' : ''}${node.conceded ? ' conceded' : ''} st-${node.status}`,
    shape: 'box',
    style: `rounded,filled${unsupported ? ',dashed' : node.assumption ? ',dotted' : ''}`,
    fillcolor: node.conceded ? CONCEDED_FILL : style.fill,
    color: unsupported ? UNSUPPORTED_COLOR : style.border,
    penwidth: unsupported ? 2.5 : node.kind === 'recommendation' || node.assumption ? 2 : 1.2,
    tooltip: tooltip(node.text),
    href: options.linkPrefix !== undefined ? `#${options.linkPrefix}${node.id}` : undefined,
    label,
  })};`;
}

function evidenceNode(node: EvidenceNode, options: DotOptions): string {
  const who = node.sourced
    ? `<FONT COLOR="${ATTRIBUTION_TEXT}">— ${htmlText(node.attribution)}</FONT>`
    : `<FONT COLOR="${WARNING_TEXT}">${htmlText(node.attribution)}</FONT>`;
  const label = html(
    `<FONT POINT-SIZE="${SMALL}" COLOR="${MUTED_TEXT}"><B>EVIDENCE</B></FONT><BR/>${lines(node.text, 6)}<BR/><I>${who}</I>`,
  );
  return `  ${dotString(node.id)} ${attrs({
    id: `${options.idPrefix ?? ''}${node.id}`,
    class: 'evidence',
    shape: 'box',
    style: node.sourced ? 'filled' : 'filled,dashed',
    fillcolor: '#f8fafc',
    color: node.sourced ? '#94a3b8' : UNSUPPORTED_COLOR,
    fontsize: SMALL,
    tooltip: tooltip(`${node.text} — ${node.attribution}`),
    label,
  })};`;
}

function edge(e: DiagramEdge): string {
  const color = EDGE_COLOR[e.kind];
  const arrow = e.part === 'tail' ? 'none' : e.kind === 'support' || e.kind === 'evidence' ? 'normal' : 'dot';
  return `  ${dotString(e.from)} -> ${dotString(e.to)} ${attrs({
    class: e.kind,
    color,
    style: e.kind === 'undercut' ? 'dashed' : e.kind === 'evidence' ? 'dotted' : e.cross ? 'solid' : undefined,
    penwidth: e.kind === 'evidence' ? 1 : 1.6,
    arrowhead: arrow,
    arrowsize: e.kind === 'evidence' ? 0.6 : 0.9,
    constraint: e.cross ? 'false' : undefined,
  })};`;
}

/** The swatch or arrow drawn beside each legend text. */
function legendMark(entry: LegendEntry): string {
  const swatch = (fill: string, border: string, extra = '') =>
    `<TD BGCOLOR="${fill}" COLOR="${border}" BORDER="1" WIDTH="14"${extra}> </TD>`;
  const glyph = (color: string, text: string) => `<TD><FONT COLOR="${color}"><B>${text}</B></FONT></TD>`;
  switch (entry.key) {
    case 'unsupported':
      return swatch('#ffffff', UNSUPPORTED_COLOR);
    case 'conceded':
      return swatch(CONCEDED_FILL, '#6b7280');
    case 'assumption':
      return swatch('#ffffff', '#6b7280', ' STYLE="dotted"');
    case 'hidden':
      return glyph(MUTED_TEXT, '▸');
    case 'junction':
      return glyph(MUTED_TEXT, '[ ]');
    case 'support':
      return glyph(EDGE_COLOR.support, '→');
    case 'attack':
      return glyph(EDGE_COLOR.attack, '—●');
    case 'undercut':
      return glyph(EDGE_COLOR.undercut, '- -●');
    case 'evidence':
      return glyph(EDGE_COLOR.evidence, '···→');
    default:
      if (entry.key.startsWith('status-')) {
        const { text, background } = STATUS_COLORS[entry.key.slice('status-'.length) as Status];
        return swatch(background, text, ' STYLE="rounded"');
      }
      return swatch(KIND_STYLE[entry.key as ClaimKind].fill, KIND_STYLE[entry.key as ClaimKind].border);
  }
}

/** The legend (`legendEntries`): an HTML-like table node, kept in the rank of the recommendation. */
function legend(model: Diagram, idPrefix: string): string {
  const rows = [
    '<TR><TD COLSPAN="2" ALIGN="LEFT"><B>Legend</B></TD></TR>',
    ...legendEntries(model).map((e) => {
      const text = e.key === 'unsupported' ? `<FONT COLOR="${WARNING_TEXT}">${htmlText(e.text)}</FONT>` : htmlText(e.text);
      return `<TR>${legendMark(e)}<TD ALIGN="LEFT">${text}</TD></TR>`;
    }),
  ];
  const label = html(
    `<TABLE BORDER="1" COLOR="#cbd5e1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2" BGCOLOR="#ffffff">${rows.join('')}</TABLE>`,
  );
  return `  "legend" ${attrs({ id: `${idPrefix}legend`, class: 'legend', shape: 'plain', fontsize: SMALL, label })};`;
}

/** The DOT source of one argument's drawing. Same graph, same bytes. */
export function formatDot(model: Diagram, options: DotOptions = {}): string {
  const out: string[] = [];
  out.push('digraph argmap {');
  out.push(
    `  graph ${attrs({
      rankdir: RANKDIR[model.direction],
      newrank: 'true',
      nodesep: 0.3,
      ranksep: 0.45,
      fontname: FONT,
      fontsize: 16,
      labelloc: 't',
      label: html(
        `<B>${htmlText(model.title)}</B>${model.scope !== undefined ? `<BR/><FONT POINT-SIZE="11">${htmlText(model.scope)}</FONT>` : ''}`,
      ),
      tooltip: model.title,
    })};`,
  );
  out.push(`  node ${attrs({ fontname: FONT, fontsize: 11, margin: '0.14,0.07' })};`);
  out.push(`  edge ${attrs({ fontname: FONT, fontsize: SMALL })};`);
  for (const node of model.nodes) {
    if (node.type === 'claim') out.push(claimNode(node, options));
    else if (node.type === 'evidence') out.push(evidenceNode(node, options));
    else if (node.type === 'junction') {
      out.push(
        `  ${dotString(node.id)} ${attrs({ id: `${options.idPrefix ?? ''}${node.id}`, class: 'junction', shape: 'box', style: 'rounded', label: 'together', fontsize: SMALL, height: 0.2, margin: '0.04,0.02', color: '#475569', tooltip: 'a linked argument: the premises count only together' })};`,
      );
    } else {
      out.push(
        `  ${dotString(node.id)} ${attrs({ id: `${options.idPrefix ?? ''}${node.id}`, class: 'link', shape: 'point', width: 0.09, color: EDGE_COLOR.undercut, tooltip: 'a link attacked by an undercut' })};`,
      );
    }
  }
  for (const e of model.edges) out.push(edge(e));
  out.push(legend(model, options.idPrefix ?? ''));
  // The legend goes beside the top of the map: the recommendation, or the claim a drawing focuses on.
  const rec = model.claimNodes.find((n) => n.kind === 'recommendation') ?? model.claimNodes[0];
  if (rec) out.push(`  { rank=max; ${dotString(rec.id)}; "legend"; }`);
  out.push('}');
  return `${out.join('\n')}\n`;
}
