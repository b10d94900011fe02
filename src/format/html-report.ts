import { plural } from '../util/plural';
import type { Analyses } from '../analyses/index';
import type { AttackTarget } from '../analyses/counterpoints';
import { UNSUPPORTED_WHY } from '../diagnostics/messages';
import { premisesLacking } from '../analyses/support';
import type { Claim, ClaimEdge, Edge, Evidence, LinkedGroup, Source } from '../model/types';
import { fileName } from '../model/names';
import { attribution, attributionParts, NO_SOURCE, type EvidenceAttribution } from '../view/attribution';
import { VERDICT_MEANING, verdictText } from '../view/evaluation';
import { viewOf, type CounterpointState } from '../view/index';
import { linkText } from '../view/links';
import { KIND_LABEL, buildDiagram, keySlug } from './diagram';
import { safeUrl } from './markdown-escape';
import { STATUS_COLORS } from './status-colors';
import { safeText } from '../util/safe-text';

/**
 * The HTML report: one self-contained page (inline CSS, the map as inline SVG, no script, no
 * external resource: a Content-Security-Policy forbids them) with, per file, the map, the outline,
 * the unsupported claims, the counterpoints and the sources. Every piece of text from the file goes
 * through `esc`; the SVG comes from Graphviz, whose text the DOT writer escaped.
 */

export interface ReportFile {
  /** The path as the user named it. */
  path: string;
  analyses: Analyses;
  /**
   * The map, as one or more drawings of inline SVG from `inlineSvg(renderSvg(...))` (with `linkPrefix`
   * = `anchorPrefix(n)`), each with what part of the map it shows when not all of it (`fitDrawings`:
   * a map too large to read in one drawing is shown as its top and its parts); or why there is none
   * (a map too large to draw): the rest of the section is written all the same.
   */
  drawings: Array<{ svg: string; scope?: string }> | { none: string };
}

/** Plain text that names ids in backticks (evaluate's reasons) as HTML: each name in <code>. */
function ticksToHtml(text: string): string {
  return text
    .split(/`([^`]*)`/)
    .map((part, i) => (i % 2 === 1 ? `<code>${esc(part)}</code>` : esc(part)))
    .join('');
}

/**
 * Text as HTML (element content and quoted attribute values alike). Bidirectional overrides and
 * C1 controls are shown as visible code points (`\u{202e}`), as on a terminal and in the outline:
 * a character reference would still reverse the text a reviewer reads.
 */
function esc(text: string): string {
  return safeText(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The prefix of the outline anchors of the n-th file (0-based): the map's nodes link to them. */
export const anchorPrefix = (n: number) => `f${n + 1}-o-`;

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** `.st-in{color:…;background:…}`, …: each status word on its colours, the drawings' colours. */
const STATUS_CSS = Object.entries(STATUS_COLORS)
  .map(([status, c]) => `.st-${status}{color:${c.text};background:${c.background}}`)
  .join('');

const CSS = `
:root{--ink:#0f172a;--muted:#475569;--line:#e2e8f0;--bg:#f8fafc;--accent:#1d4ed8;--bad:#dc2626}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Liberation Sans",Arial,sans-serif;color:var(--ink);background:#fff;overflow-wrap:anywhere}
header.page{background:var(--ink);color:#fff;padding:1rem 1.25rem}
header.page h1{margin:0;font-size:1.1rem;font-weight:600;letter-spacing:.02em}
header.page p{margin:.25rem 0 0;color:#cbd5e1;font-size:.9rem}
header.page a{color:#bfdbfe}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}
section.file+section.file{border-top:3px solid var(--line);margin-top:3rem}
h2{font-size:1.6rem;line-height:1.25;margin:1.5rem 0 .25rem}
h3{font-size:1.15rem;margin:2rem 0 .75rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
.meta{color:var(--muted);font-size:.9rem;margin:.25rem 0}
.document{margin:.25rem 0 .5rem}
.document p{margin:.15rem 0}
.doc{color:var(--ink)}
.doc-kind{text-transform:capitalize}
.doc-note{color:var(--muted);font-size:.92rem}
.verdict{margin:1rem 0;padding:.75rem 1rem;border:1px solid var(--line);border-left:6px solid var(--accent);border-radius:.5rem;background:var(--bg)}
.verdict p{margin:.25rem 0}
.verdict-line{font-size:1.1rem}
.verdict .status{font-size:1rem}
.tally{color:var(--muted);font-size:.9rem}
details>summary{cursor:pointer;color:var(--muted);font-size:.85rem;margin:.2rem 0 0 .2rem;width:max-content;max-width:100%}
summary:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px;border-radius:.2rem}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;padding:0;list-style:none}
.summary li{background:var(--bg);border:1px solid var(--line);border-radius:999px;padding:.15rem .75rem;font-size:.9rem}
.summary li.warn{border-color:#fecaca;background:#fef2f2;color:#991b1b}
figure.map+figure.map{margin-top:1rem}
figure.map{margin:0;border:1px solid var(--line);border-radius:.5rem;background:#fff;overflow:auto;max-height:85vh;-webkit-overflow-scrolling:touch}
figure.map figcaption{font-size:.85rem;color:var(--muted);padding:.5rem .75rem;border-top:1px solid var(--line);background:var(--bg);position:sticky;left:0}
svg.map{display:block;width:100%;max-width:var(--w);height:auto;margin:0 auto}
ul.tree,ul.tree ul{list-style:none;margin:0;padding:0}
ul.tree ul{margin:.5rem 0 0 .9rem;padding-left:.9rem;border-left:2px solid var(--line)}
.claim{margin:.5rem 0;padding:.6rem .8rem;border:1px solid var(--line);border-left:5px solid var(--c,#94a3b8);border-radius:.4rem;background:#fff}
.claim:target{outline:3px solid #facc15}
.claim.recommendation{--c:#1d4ed8;background:#eff6ff}
.claim.together{--c:#475569}.claim.reason{--c:#15803d}.claim.risk{--c:#b45309}.claim.counterpoint{--c:#b91c1c}.claim.rebuttal{--c:#6d28d9}
.claim.unsupported{border-color:var(--bad);border-style:dashed;border-left-style:solid}
.claim.conceded{background:#f3f4f6}
.kind{display:inline-block;font-size:.7rem;font-weight:700;letter-spacing:.06em;color:#fff;background:var(--c,#64748b);border-radius:.25rem;padding:0 .4rem;margin-right:.35rem;vertical-align:.1em}
code{font:.85em/1.3 ui-monospace,"DejaVu Sans Mono",monospace;background:var(--bg);border:1px solid var(--line);border-radius:.25rem;padding:0 .25rem;overflow-wrap:anywhere}
.text{font-weight:500}
.recommendation>.text{font-weight:650}
.mark{display:inline-block;font-size:.8rem;border-radius:.25rem;padding:0 .4rem;margin:.25rem .35rem 0 0;background:var(--bg);border:1px solid var(--line)}
.mark.bad{color:#991b1b;background:#fef2f2;border-color:#fecaca;font-weight:600}
.mark.ok{color:#166534;background:#f0fdf4;border-color:#bbf7d0}
.num{font-weight:700;margin-right:.35rem}
.status{display:inline-block;font-size:.75rem;font-weight:700;border-radius:.25rem;padding:0 .4rem;margin-left:.35rem;border:1px solid currentColor}
${STATUS_CSS}
.detail{margin:.35rem 0 0;font-size:.92rem;color:#1e293b}
.detail.quote{font-style:italic;color:var(--muted)}
ul.evidence{margin:.4rem 0 0;padding-left:1.1rem;font-size:.92rem}
ul.evidence li{margin:.2rem 0}
.who{color:var(--muted);font-style:italic}
.who.bad{color:var(--bad);font-style:normal;font-weight:600}
ul.list{padding-left:1.2rem}
ul.list>li,ol.sources>li{margin:.5rem 0}
ol.sources{padding-left:1.6rem}
a{color:var(--accent)}
p.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:.8rem;text-align:center;padding:1rem}
@media (max-width:48rem){
  body{font-size:15px}
  main{padding:.75rem .75rem 2rem}
  h2{font-size:1.3rem}
  figure.map{max-height:none}
  ul.tree ul{margin-left:.3rem;padding-left:.5rem}
  .claim{padding:.5rem .6rem}
}
@media print{
  @page{margin:1.5cm}
  body{font-size:10.5pt;color:#000}
  header.page{background:none;color:#000;padding:0 0 .5rem;border-bottom:2px solid #000}
  header.page p,header.page a{color:#000}
  main{max-width:none;padding:0}
  figure.map{overflow:visible;max-height:none;border:none}
  svg.map{min-width:0;width:100%;max-width:100%}
  section.file+section.file{break-before:page;border:none;margin:0}
  h2,h3{break-after:avoid}
  .claim,ul.evidence li,ol.sources>li{break-inside:avoid}
  a{color:inherit;text-decoration:none}
  figcaption{display:none}
  details>summary{display:none}
  details::details-content{content-visibility:visible;display:block}
  .status{border:1px solid #000}
  .verdict{border-left-color:#000;background:none}
}
`;

/**
 * The sections of one page by the absolute path of their file, and the relations written in one file
 * that reach a claim of another file on the page (its claim's key → the relations): so a reference
 * across files links to the other file's section, and that section says who answers it.
 */
interface Page {
  sections: Map<string, FileReportHtml>;
  across: Map<FileReportHtml, Map<string, Array<{ from: FileReportHtml; edge: ClaimEdge; end: 'to' | 'from' }>>>;
}

class FileReportHtml {
  readonly #prefix: string;

  constructor(
    readonly file: ReportFile,
    readonly n: number,
    readonly page: Page = { sections: new Map(), across: new Map() },
  ) {
    this.#prefix = anchorPrefix(n);
  }

  #own: Map<string, Claim> | undefined;

  /** A claim of this section's own file, by key (the same claim, as another file's graph holds it). */
  own(key: string): Claim | undefined {
    const graph = this.analyses.graph;
    this.#own ??= new Map(graph.claims.filter((c) => c.file === graph.file).map((c) => [c.key, c]));
    return this.#own.get(key);
  }

  /** The section showing a claim of another file, and that claim there, when the page has it. */
  elsewhere(claim: Claim): { section: FileReportHtml; claim: Claim } | undefined {
    const file = claim.file;
    if (!file || file === this.analyses.graph.file) return undefined;
    const section = this.page.sections.get(file.absolute);
    const there = section?.own(claim.key);
    return section && there ? { section, claim: there } : undefined;
  }

  get analyses() {
    return this.file.analyses;
  }

  #model: ReturnType<typeof buildDiagram> | undefined;
  #ids: Map<Claim, string> | undefined;

  /** The drawing's node list, built once per file. */
  get model() {
    this.#model ??= buildDiagram(this.analyses);
    return this.#model;
  }

  /** The claim's anchor: the id of its node in the drawing (unique there), so map links land on it. */
  anchor(claim: Claim): string {
    this.#ids ??= new Map(this.model.claimNodes.map((n) => [n.claim, n.id]));
    return `${this.#prefix}${this.#ids.get(claim) ?? `claim-${keySlug(claim.key)}`}`;
  }

  /** A link to a claim's place in the outline, named as the outline numbers it: `reason 1.2 <code>id</code>`. */
  ref(claim: Claim): string {
    const name = claim.id !== undefined ? claim.id : claim.path;
    // A claim of a file this one uses: named with its file, linked to that file's section when the
    // page has one.
    if (claim.file && claim.file !== this.analyses.graph.file) {
      const there = this.elsewhere(claim);
      const href = there ? there.section.anchor(there.claim) : this.anchor(claim);
      return `<a href="#${esc(href)}">${claim.kind} <code>${esc(name)}</code> (from <code>${esc(fileName(claim.file.path))}</code>)</a>`;
    }
    const view = this.view.claims[claim.index]!;
    return `<a href="#${esc(this.anchor(claim))}">${esc(view.number ? view.name : claim.kind)} <code>${esc(name)}</code></a>`;
  }

  /** The status word on its colour: colour and word together, never colour alone. */
  status(claim: Claim): string {
    const { status, reason } = this.view.claims[claim.index]!.evaluation;
    return `<span class="status st-${status}" title="${esc(reason)}">${status}</span>`;
  }

  get view() {
    return viewOf(this.analyses);
  }

  /** "that reason <code>a</code> supports the recommendation", each claim a link. */
  linkText(edge: Edge): string {
    return linkText(edge, (c) => this.ref(c));
  }

  /**
   * A linked group where it is written: "Together" and its premises (written here in full, or named),
   * its note, which premises lack support, and its undercuts.
   */
  together(group: LinkedGroup, depth: number): string {
    const items = group.edges.map((edge) =>
      edge.via === 'tree' && edge.from.group === group
        ? this.claim(edge.from, depth + 1)
        : `<li><div class="detail">See ${this.ref(edge.from)}.</div></li>`,
    );
    const first = group.edges[0];
    const what =
      group.kind === 'undercut'
        ? `undercut the link ${first?.kind === 'undercut' ? this.linkText(first.to) : ''}`
        : `${group.kind === 'support' ? 'support' : 'attack'} ${group.to ? this.ref(group.to) : 'their claim'}`;
    const parts = [`<span class="kind">TOGETHER</span><div class="detail">These ${what} only jointly.</div>`];
    if (group.note !== undefined) parts.push(`<div class="detail">Note: ${esc(group.note)}</div>`);
    if (group.kind === 'support') {
      const lacking = premisesLacking(group, this.analyses.support.supported);
      if (lacking.length > 0)
        parts.push(
          `<div><span class="mark bad">⚠ needs all of its premises: ${lacking.map((p) => this.ref(p)).join(', ')} ${lacking.length === 1 ? 'lacks' : 'lack'} support</span></div>`,
        );
    }
    const answers = [...group.answers.map((a) => this.claim(a, depth + 1)), ...group.answerGroups.map((g) => this.together(g, depth + 1))];
    return `<li><div class="claim together">${parts.join('')}</div><ul>${items.join('')}${answers.join('')}</ul></li>`;
  }

  evidence(e: Evidence, from: EvidenceAttribution): string {
    const quote = e.quote !== undefined ? ` <q>${esc(e.quote)}</q>` : '';
    let who: string;
    if (from.type === 'source')
      who = `<span class="who">— ${esc(attribution(from.source))}${from.source.id !== undefined ? ` (<a href="#${this.#prefix}src-${esc(keySlug(from.source.id))}">${esc(from.source.id)}</a>)` : ''}</span>`;
    else if (from.type === 'unknown') who = `<span class="who bad">⚠ ${NO_SOURCE.unknown} <code>${esc(from.id)}</code></span>`;
    else who = `<span class="who bad">⚠ ${NO_SOURCE.none}</span>`;
    const note = e.note !== undefined ? `<div class="detail">Note: ${esc(e.note)}</div>` : '';
    return `<li>${esc(e.text)}${quote} ${who}${note}</li>`;
  }

  marks(claim: Claim): string {
    const out: string[] = [];
    const view = this.view.claims[claim.index]!;
    if (!view.support.supported) out.push(`<span class="mark bad">⚠ unsupported: ${esc(UNSUPPORTED_WHY[view.support.why])}</span>`);
    if (claim.assumption) out.push('<span class="mark">assumption</span>');
    if (view.counterpoint !== undefined) out.push(this.state(view.counterpoint));
    else if (claim.conceded) out.push('<span class="mark ok">✔ conceded by the author</span>');
    if (claim.undercut) out.push('<span class="mark">undercut: “true, but it does not follow”</span>');
    return out.length > 0 ? `<div>${out.join('')}</div>` : '';
  }

  /** A counterpoint's state, the same word as every view's. */
  state(state: CounterpointState): string {
    return state === 'conceded'
      ? '<span class="mark ok">✔ conceded</span>'
      : state === 'answered'
        ? '<span class="mark">answered</span>'
        : '<span class="mark bad">❗ unanswered</span>';
  }

  claim(claim: Claim, depth = 0): string {
    const why = this.analyses.support.why.get(claim.index);
    const classes = ['claim', claim.kind, why !== undefined ? 'unsupported' : '', claim.conceded ? 'conceded' : '']
      .filter((c) => c !== '')
      .join(' ');
    const parts: string[] = [];
    const view = this.view.claims[claim.index]!;
    const num =
      view.number && view.number.num !== ''
        ? `<span class="num">${esc(view.number.num)}${view.number.of !== undefined ? ` of ${esc(view.number.of)}` : ''}</span> `
        : '';
    parts.push(
      `<span class="kind">${KIND_LABEL[claim.kind]}</span>${num}${claim.id !== undefined ? `<code>${esc(claim.id)}</code> ` : ''}${this.status(claim)}`,
    );
    parts.push(`<div class="text">${claim.text.trim() === '' ? '<em>(no text)</em>' : esc(claim.text)}</div>`);
    parts.push(this.marks(claim));
    for (const edge of claim.outgoing) {
      if (edge.kind === 'undercut') parts.push(`<div class="detail">Undercuts the link ${this.linkText(edge.to)}.</div>`);
      else if (edge.via !== 'tree') {
        const verb = edge.kind === 'support' ? 'Also supports' : 'Also attacks';
        parts.push(`<div class="detail">${verb} ${this.ref(edge.to)}.</div>`);
      }
    }
    for (const edge of claim.incoming) {
      if (edge.via === 'tree' || edge.group) continue;
      parts.push(`<div class="detail">${edge.kind === 'support' ? 'Supported' : 'Attacked'} by ${this.ref(edge.from)}.</div>`);
    }
    // Answers and uses from the other files on the page (written there, about this claim).
    for (const { from, edge, end } of this.page.across.get(this)?.get(claim.key) ?? []) {
      const where = `in <code>${esc(fileName(from.file.path))}</code>`;
      if (end === 'to')
        parts.push(`<div class="detail">${edge.kind === 'support' ? 'Supported' : 'Attacked'} ${where} by ${from.ref(edge.from)}.</div>`);
      else parts.push(`<div class="detail">${edge.kind === 'support' ? 'Supports' : 'Attacks'} ${from.ref(edge.to)} ${where}.</div>`);
    }
    if (claim.quote !== undefined) parts.push(`<div class="detail quote">“${esc(claim.quote)}”</div>`);
    if (claim.note !== undefined) parts.push(`<div class="detail">Note: ${esc(claim.note)}</div>`);
    const evidence = this.view.claims[claim.index]!.evidence;
    if (evidence.length > 0)
      parts.push(`<ul class="evidence">${evidence.map((e) => this.evidence(e.evidence, e.attribution)).join('')}</ul>`);
    // A linked group is drawn once, where its first premise or undercut is written; a group of `ref`s only, at its target.
    const groups = new Set<LinkedGroup>();
    const child = (c: Claim) => {
      if (!c.group) return this.claim(c, depth + 1);
      if (groups.has(c.group) || c.group.of) return ''; // a linked undercut of a group: drawn in that group
      groups.add(c.group);
      return this.together(c.group, depth + 1);
    };
    const refGroups = this.analyses.graph.groups.filter(
      (g) => g.to === claim && g.path.startsWith(`${claim.path}.`) && g.edges.every((e) => e.via === 'ref'),
    );
    const items =
      depth < 50
        ? [...claim.children.map(child), ...refGroups.filter((g) => !groups.has(g)).map((g) => this.together(g, depth + 1))].filter(
            (item) => item !== '',
          )
        : [];
    const data = `${view.number ? ` data-number="${esc(view.name)}"` : ''} data-status="${view.evaluation.status}"${view.counterpoint !== undefined ? ` data-state="${view.counterpoint}"` : ''}`;
    return `<li><div class="${classes}" id="${esc(this.anchor(claim))}"${data}>${parts.join('')}</div>${
      items.length > 0
        ? `<details open><summary>${plural(items.length, 'item')} under ${esc(view.name)}</summary><ul>${items.join('')}</ul></details>`
        : ''
    }</li>`;
  }

  outline(): string {
    const { graph } = this.analyses;
    const roots = graph.claims.filter((c) => c.parent === undefined);
    if (roots.length === 0) return '<p class="empty">No claims.</p>';
    // A top-level linked objection: one TOGETHER item, where its first premise is written.
    const groups = new Set<LinkedGroup>();
    const item = (c: Claim) => {
      if (!c.group) return this.claim(c);
      if (groups.has(c.group)) return '';
      groups.add(c.group);
      return this.together(c.group, 0);
    };
    return `<ul class="tree">${roots.map(item).join('')}</ul>`;
  }

  unsupported(): string {
    const items = this.view.claims.filter((c) => !c.support.supported);
    if (items.length === 0) return '<p class="empty">Every claim rests on evidence with a source, an assumption, or supported reasons.</p>';
    return `<ul class="list">${items
      .map(({ claim: c, support }) => {
        const because = support.supported ? '' : support.because;
        return `<li>${this.ref(c)}: ${esc(c.text)} <span class="mark bad">⚠ ${esc(because)}</span></li>`;
      })
      .join('')}</ul>`;
  }

  target(t: AttackTarget): string {
    return t.type === 'claim' ? `attacks ${this.ref(t.claim)}` : `undercuts the link ${this.linkText(t.link)}`;
  }

  counterpoints(): string {
    const infos = this.analyses.counterpoints;
    if (infos.length === 0) return '<p class="empty">The map records no counterpoints.</p>';
    return `<ul class="list">${infos
      .map((info) => {
        const c = info.claim;
        const status = this.state(this.view.claims[c.index]!.counterpoint!);
        const targets = info.targets.length > 0 ? info.targets.map((t) => this.target(t)).join('; ') : 'attacks nothing in this file';
        const answers =
          info.rebuttals.length > 0
            ? `<div class="detail">Answered by ${info.rebuttals.map((r) => `${this.ref(r.claim)}${r.undercut ? ' (undercut)' : ''}`).join(', ')}.</div>`
            : '';
        return `<li>${this.ref(c)}: ${esc(c.text)} ${status}<div class="detail">${targets}.</div>${answers}</li>`;
      })
      .join('')}</ul>`;
  }

  source(s: Source): string {
    const id = s.id !== undefined ? `<code>${esc(s.id)}</code> ` : '';
    const who = attributionParts(s);
    const kind = s.kind !== undefined ? ` · <em>${esc(s.kind)}</em>` : '';
    let url = '';
    if (s.url !== undefined) {
      const safe = safeUrl(s.url);
      url = safe !== undefined ? ` · <a href="${esc(safe)}" rel="noreferrer noopener">${esc(s.url)}</a>` : ` · ${esc(s.url)} (not linked)`;
    }
    const note = s.note !== undefined ? `<div class="detail">Note: ${esc(s.note)}</div>` : '';
    // Each claim once, in the order first cited.
    const cited = [...new Set(s.citedBy.map((e) => e.claim))];
    const citedFor =
      cited.length > 0
        ? `<div class="detail">Cited for ${cited.map((c) => this.ref(c)).join(', ')}.</div>`
        : '<div class="detail">Not cited.</div>';
    const anchor = s.id !== undefined ? ` id="${this.#prefix}src-${esc(keySlug(s.id))}"` : '';
    return `<li${anchor}>${id}${
      who.length > 0
        ? `<strong>${esc(who[0]!)}</strong>${who
            .slice(1)
            .map((w) => `, ${esc(w)}`)
            .join('')}`
        : ''
    }${kind}${url}${note}${citedFor}</li>`;
  }

  /** The map's drawings, each in its frame; the key to reading them once, under the first. */
  drawings(): string {
    const drawings = this.file.drawings;
    if (!Array.isArray(drawings)) return `<p class="empty">No drawing: ${esc(drawings.none)}.</p>`;
    const key =
      'Arrows point from a claim to what it supports (green) or attacks (red, round end); a dashed orange line undercuts the link through the dot. Each box carries its status word on its colour, as the outline does; a red dashed box rests on nothing grounded (⚠). Click a box to find it in the outline; on a phone, pinch to zoom.';
    const intro =
      drawings.length > 1
        ? `<p class="meta">The map is too large to read in one drawing: ${drawings.length} drawings show its top, then each part below it.</p>`
        : '';
    return `${intro}${drawings
      .map(
        (d, i) =>
          `<figure class="map">${d.svg}<figcaption>${d.scope !== undefined ? `${esc(d.scope)}. ` : ''}${i === 0 ? key : ''}</figcaption></figure>`,
      )
      .join('\n')}`;
  }

  /** What was analysed: kind, title, author, outlet, date, a link when `url` is set, and the note. */
  document(): string {
    const d = this.view.document;
    const parts: string[] = [];
    if (d.kind !== undefined) parts.push(`<span class="doc-kind">${esc(d.kind)}</span>`);
    if (d.title !== undefined) parts.push(`<cite>“${esc(d.title)}”</cite>`);
    if (d.author !== undefined) parts.push(`by ${esc(d.author)}`);
    if (d.outlet !== undefined) parts.push(esc(d.outlet));
    if (d.date !== undefined) parts.push(esc(d.date));
    if (d.url !== undefined) {
      const safe = safeUrl(d.url);
      parts.push(safe !== undefined ? `<a href="${esc(safe)}" rel="noreferrer noopener">${esc(d.url)}</a>` : `${esc(d.url)} (not linked)`);
    }
    const note = d.note !== undefined ? `<p class="doc-note"><strong>Note:</strong> ${esc(d.note)}</p>` : '';
    if (parts.length === 0 && note === '') return '';
    return `<div class="document">${parts.length > 0 ? `<p class="doc">${parts.join(' · ')}</p>` : ''}${note}</div>`;
  }

  /** The verdict on the recommendation, why (the reason argmap evaluate gives), what it means, and the tally. */
  verdict(p: string): string {
    const { summary, verdict } = this.view;
    const s = summary.statuses;
    const tally = `<p class="tally">${plural(summary.claims, 'claim')}: ${s.in} in · ${s.unsupported} unsupported · ${s.defeated} defeated · ${s.undercut} undercut · ${s.undecided} undecided</p>`;
    if (!verdict)
      return `<div class="verdict" id="${p}verdict"><p class="verdict-line"><strong>Verdict:</strong> there is no recommendation to judge.</p>${tally}</div>`;
    const { evaluation } = verdict.claim;
    return `<div class="verdict" id="${p}verdict"><p class="verdict-line"><strong>Verdict:</strong> the recommendation <span class="status st-${evaluation.status}">${esc(verdictText(verdict.verdict))}</span></p><p class="because"><strong>Why:</strong> ${ticksToHtml(evaluation.reason)}.</p><p class="meaning">${esc(VERDICT_MEANING[verdict.verdict])}</p>${tally}</div>`;
  }

  render(): string {
    const { graph, support } = this.analyses;
    const { title, summary: counts } = this.view;
    const unanswered = counts.states.unanswered;
    const summary = [
      `<li>${plural(counts.claims, 'claim')}</li>`,
      `<li>${plural(graph.evidence.length, 'piece')} of evidence</li>`,
      `<li${support.why.size > 0 ? ' class="warn"' : ''}>${plural(support.why.size, 'unsupported claim')}</li>`,
      `<li${unanswered > 0 ? ' class="warn"' : ''}>${plural(counts.counterpoints, 'counterpoint')} (${unanswered} unanswered)</li>`,
      `<li>${plural(graph.sources.length, 'source')}</li>`,
    ];
    const p = `f${this.n + 1}-`;
    return `<section class="file" id="${p}file" aria-labelledby="${p}title">
<h2 id="${p}title">${esc(title)}</h2>
${this.document()}
<p class="meta"><code>${esc(this.file.path)}</code></p>
${this.view.description !== undefined ? `<p class="meta">${esc(this.view.description)}</p>` : ''}
${this.verdict(p)}
<ul class="summary">${summary.join('')}</ul>
<h3 id="${p}map">Map</h3>
${this.drawings()}
<h3 id="${p}outline">Outline</h3>
${this.outline()}
<h3 id="${p}unsupported">Unsupported claims</h3>
${this.unsupported()}
<h3 id="${p}counterpoints">Counterpoints</h3>
${this.counterpoints()}
<h3 id="${p}sources">Sources</h3>
${graph.sources.length > 0 ? `<ol class="sources">${graph.sources.map((s) => this.source(s)).join('')}</ol>` : '<p class="empty">No sources.</p>'}
</section>`;
  }
}

/** The whole page. Same files, same bytes. */
export function formatHtmlReport(files: readonly ReportFile[], options: { version?: string } = {}): string {
  const titles = files.map((f) => viewOf(f.analyses).title);
  const pageTitle = files.length === 1 ? `${titles[0]} — argmap report` : `argmap report: ${plural(files.length, 'file')}`;
  const nav =
    files.length > 1
      ? `<p>${files.map((f, i) => `<a href="#f${i + 1}-file">${esc(titles[i]!)}</a>`).join(' · ')}</p>`
      : `<p>${esc(files[0]?.path ?? 'no files')}</p>`;
  const page: Page = { sections: new Map(), across: new Map() };
  const reports = files.map((f, i) => new FileReportHtml(f, i, page));
  for (const r of reports) {
    const file = r.analyses.graph.file;
    if (file && !page.sections.has(file.absolute)) page.sections.set(file.absolute, r);
  }
  // Relations written in one file that reach a claim of another file on the page: listed there too.
  for (const r of reports) {
    const graph = r.analyses.graph;
    for (const edge of graph.edges) {
      if (edge.kind === 'undercut' || edge.file !== graph.file) continue;
      for (const end of ['to', 'from'] as const) {
        const there = r.elsewhere(edge[end]);
        if (!there) continue;
        const byKey = page.across.get(there.section) ?? page.across.set(there.section, new Map()).get(there.section)!;
        (byKey.get(there.claim.key) ?? byKey.set(there.claim.key, []).get(there.claim.key)!).push({ from: r, edge, end });
      }
    }
  }
  const sections = reports.map((r) => r.render()).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="argmap${options.version !== undefined ? ` ${esc(options.version)}` : ''}">
<title>${esc(pageTitle)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="page"><h1>argmap report</h1>${nav}</header>
<main>
${sections || '<p class="empty">No argument files to report on.</p>'}
</main>
<footer>Generated by argmap. This page is self-contained: it loads nothing and runs no script.</footer>
</body>
</html>
`;
}
