import { UNSUPPORTED_MARK } from '../diagnostics/messages';
import { plural } from '../util/plural';
import type { Analyses } from '../analyses/index';
import { premisesLacking } from '../analyses/support';
import type { ArgumentGraph, Claim, ClaimEdge, Edge, Evidence, LinkedGroup } from '../model/types';
import { fileName } from '../model/names';
import { attributionParts, NO_SOURCE, shortReference } from '../view/attribution';
import { documentView, viewOf, type ArgumentView, type ClaimView, type SourceView } from '../view/index';
import { verdictText } from '../view/evaluation';
import { linkText, togetherText } from '../view/links';
import { letter, numberText, premiseGroup, units, type ClaimNumber } from '../view/numbering';
import { codeSpan, escapeMarkdown as esc, markdownLink, ticksToMarkdown } from './markdown-escape';
import { CHUNK_LINES, MarkdownWriter, type WriteChunk } from './markdown-writer';

/**
 * The outline of an argument map as GitHub-flavoured Markdown, for a reader rather than a checker:
 * the recommendation, its reasons and risks (numbered, nested), every counterpoint with what it
 * attacks and what answers it, and the sources. Unsupported claims and unanswered counterpoints are
 * marked where they stand. Every piece of text from the file is escaped (see `markdown-escape.ts`),
 * and the output depends on nothing but the graph: same file, same bytes.
 */

export interface OutlineOptions {
  /** The argument file, as the user named it: shown under the title. */
  file: string;
  /**
   * What was analysed (kind, title, author, outlet, date, url, note). Defaults to `graph.document`;
   * a caller that reads the `document` mapping itself passes it here.
   */
  document?: Record<string, string | number>;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

class Outline {
  /** Each claim's number, by `claim.index`; each linked group's, by `group.index`. */
  readonly #labels: ReadonlyArray<ClaimNumber | undefined>;
  readonly #groupLabels: ReadonlyArray<ClaimNumber | undefined>;
  readonly #rec: Claim | undefined;
  /** Where the outline is written. */
  readonly #w: MarkdownWriter;
  /** How each claim is referred to: worked out once, used wherever cited. */
  readonly #refs: Array<string | undefined>;
  /** Undercuts with no link to attack (`graph.danglingUndercuts`), to look up by claim. */
  readonly #dangling: Set<Claim | LinkedGroup>;
  readonly #ref = (claim: Claim) => this.ref(claim);

  constructor(
    readonly view: ArgumentView,
    write: WriteChunk,
    chunkLines: number,
  ) {
    const graph = view.graph;
    this.#w = new MarkdownWriter(write, chunkLines);
    this.#rec = graph.recommendation;
    this.#dangling = new Set(graph.danglingUndercuts);
    this.#labels = view.numbering.claims;
    this.#groupLabels = view.numbering.groups;
    this.#refs = new Array<string | undefined>(graph.claims.length).fill(undefined);
  }

  get graph(): ArgumentGraph {
    return this.view.graph;
  }

  get analyses(): Analyses {
    return this.view.analyses;
  }

  // ----- naming ---------------------------------------------------------------------------------

  /** `reason 1.2 (`id`)`: how a claim is referred to from elsewhere in the outline. */
  ref(claim: Claim): string {
    let ref = this.#refs[claim.index];
    if (ref === undefined) {
      const label = this.#labels[claim.index];
      const name = label ? numberText(label) : `${claim.kind} ${codeSpan(claim.path)}`;
      ref = claim.id !== undefined ? `${name} (${codeSpan(claim.id)})` : name;
      // A claim of a used file: its text, and where it comes from.
      if (!label && claim.file?.used) {
        ref = `${claim.kind} ${codeSpan(claim.key)} from ${codeSpan(fileName(claim.file.path))}: “${esc(claim.text)}”`;
      }
      this.#refs[claim.index] = ref;
    }
    return ref;
  }

  /** The words of an edge: "that reason 1 (`a`) supports the recommendation (`b`)". */
  linkText(edge: Edge): string {
    return linkText(edge, this.#ref);
  }

  /** A linked group's premises, jointly: "reason 1(a) (`x`) and reason 1(b) (`y`) together". */
  #together(group: LinkedGroup): string {
    return togetherText(group, this.#ref);
  }

  /**
   * A linked group, where it stands in a list: "**Together:**", then each premise lettered (written
   * here in full, or by reference), the group's note, whether it holds, and its undercuts.
   */
  #linked(group: LinkedGroup, marker: string | undefined) {
    const w = this.#w;
    const label = this.#groupLabels[group.index];
    const first = group.edges[0];
    const denied = first?.kind === 'undercut' ? first.to : undefined;
    const head =
      group.kind === 'undercut'
        ? `**Together:** *(these undercut ${denied ? `the link ${this.linkText(denied)}` : 'nothing: there is no link to attack'} only jointly)*`
        : `**Together:** *(${group.kind === 'support' ? 'these support' : 'these attack'} ${this.ref(group.to!)} only jointly)*`;
    const plainNumber = label && (label.word === 'reason' || label.word === 'risk') && label.of === undefined && label.num.includes('.');
    if (marker === undefined)
      w.open('-', `${plainNumber ? `**${label.num}** ` : label ? `**${capitalise(label.word)} ${label.num}** ` : ''}${head}`);
    else w.open(marker, head);
    group.premises.forEach((premise, i) => {
      if (i > 0 && group.premises.indexOf(premise) < i) return;
      if (premiseGroup(premise) === group) {
        w.open('-', `**(${letter(i)})** ${this.head(premise, false)}`);
        this.details(premise);
        w.close();
      } else w.bullet(`**(${letter(i)})** see ${this.ref(premise)}${refNote(group.edges[i]!)}`);
    });
    if (group.note !== undefined) w.bullet(`*Note:* ${esc(group.note)}`);
    if (group.kind === 'support') {
      const lacking = premisesLacking(group, this.analyses.support.supported);
      if (lacking.length > 0) {
        w.bullet(`⚠️ **does not hold**: needs all of its premises; ${lacking.map((p) => `${this.ref(p)} lacks support`).join('; ')}`);
      }
    }
    // Undercuts of a linked reason are counterpoints, written in full in the Counterpoints section;
    // those of a linked objection are rebuttals, written here.
    for (const answer of group.answers) {
      if (answer.kind === 'counterpoint') w.bullet(`Undercut by ${this.ref(answer)}${this.#shortStatus(answer)}`);
      else this.nested(answer);
    }
    for (const answer of group.answerGroups) {
      if (group.kind === 'support') w.bullet(`Undercut by ${this.#together(answer)}`);
      else this.#linked(answer, undefined);
    }
    w.close();
  }

  // ----- claims ---------------------------------------------------------------------------------

  /** The claim's own line: its text, its id, and `(assumption)`. */
  head(claim: Claim, bold: boolean): string {
    const text = claim.text.trim() === '' ? '*(no text)*' : bold ? `**${esc(claim.text)}**` : esc(claim.text);
    const id = claim.id !== undefined ? ` (${codeSpan(claim.id)})` : '';
    return `${text}${id}${claim.assumption ? ' *(assumption)*' : ''}`;
  }

  /** How a nested claim is introduced: `**1.2**`, `**Rebuttal 1.1** *(undercut)*`, `**Reason 1**`. */
  #tag(claim: Claim): string {
    const label = this.#labels[claim.index];
    const kindNote = label && label.word !== claim.kind ? ` *(${claim.kind})*` : '';
    const undercut = claim.undercut ? ' *(undercut)*' : '';
    if (!label) return `**${capitalise(claim.kind)}**${undercut}`;
    if ((label.word === 'reason' || label.word === 'risk') && label.of === undefined && label.num.includes('.')) {
      return `**${label.num}**${kindNote}${undercut}`;
    }
    return `**${capitalise(label.word)} ${label.num}**${kindNote}${undercut}`;
  }

  /** A claim written under another: a bullet with its tag and text, and its details below. */
  nested(claim: Claim) {
    this.#w.open('-', `${this.#tag(claim)} ${this.head(claim, false)}`);
    this.details(claim);
    this.#w.close();
  }

  /**
   * Everything said about a claim, as sub-items in a fixed order: marks, quote, note, evidence,
   * supporting claims (unless `withSupports` is false: the recommendation's have sections of their
   * own), counterpoints, rebuttals, and what else the claim supports or attacks.
   */
  details(claim: Claim, withSupports = true) {
    const w = this.#w;

    const view = this.view.claims[claim.index]!;
    if (!view.support.supported) w.bullet(`⚠️ **unsupported**: ${UNSUPPORTED_MARK[view.support.why]}`);
    // An unsupported claim's evaluation says the same word: the line above says it, and why.
    if (view.support.supported || view.evaluation.status !== 'unsupported') {
      w.bullet(`*Evaluation:* **${view.evaluation.status}**: ${ticksToMarkdown(view.evaluation.reason)}`);
    }

    if (claim.kind === 'counterpoint') {
      for (const text of this.#attacks(claim)) w.bullet(text);
      w.bullet(this.#status(claim));
    } else if (claim.undercut && claim.kind === 'rebuttal') {
      const link = claim.outgoing.find((e) => e.kind === 'undercut');
      if (link) w.bullet(`**Undercuts** the link *${this.linkText(link.to)}* (true, but it does not follow)`);
      else w.bullet(`**Undercut**, but there is no link to attack: what it is written under supports or attacks nothing`);
    }

    if (claim.quote !== undefined) w.bullet(`Quote: *“${esc(claim.quote)}”*`);
    if (claim.note !== undefined) w.bullet(`*Note:* ${esc(claim.note)}`);
    for (const e of this.view.claims[claim.index]!.evidence) this.evidence(e.evidence, e.attribution);

    // One pass over the claims written under this one and one over the edges into it (written in
    // full here, or by reference elsewhere), then out in a fixed order: supports, "supported by",
    // challenges, answers, and what else the claim does.
    let challenges: Claim[] | undefined;
    let rebuttals: Claim[] | undefined;
    let shownGroups: Set<LinkedGroup> | undefined;
    for (const child of claim.children) {
      // A rebuttal of a linked objection, or a linked undercut of a group, is written with the
      // group (see `#linked`).
      if (child.group && child.kind === 'rebuttal' && !premiseGroup(child)) continue;
      if (child.group?.of) continue;
      const group = premiseGroup(child);
      if (group) {
        // A linked group: shown once, where its first premise is written. A linked counterpoint is
        // written in full in the Counterpoints section; here it is named.
        if ((shownGroups ??= new Set()).has(group)) continue;
        shownGroups.add(group);
        if (child.kind === 'counterpoint') w.bullet(`Challenged by ${this.#together(group)}`);
        else if (group.kind !== 'support' || withSupports) this.#linked(group, undefined);
        continue;
      }
      if (child.kind === 'counterpoint') (challenges ??= []).push(child);
      else if (child.kind === 'rebuttal') (rebuttals ??= []).push(child);
      else if (withSupports) this.nested(child); // a reason or a risk
    }
    let attackers: ClaimEdge[] | undefined;
    let answers: ClaimEdge[] | undefined;
    for (const edge of claim.incoming) {
      if (edge.via === 'tree' && edge.from.parent === claim) continue; // a child, written above
      if (edge.group && edge.group.to === claim && claim.children.some((c) => c.group === edge.group)) continue; // its group, above
      if (edge.kind === 'support') w.bullet(`Supported by: see ${this.ref(edge.from)}${refNote(edge)}`);
      else if (edge.from.kind === 'counterpoint') (attackers ??= []).push(edge);
      else (answers ??= []).push(edge);
    }
    for (const child of challenges ?? []) w.bullet(`Challenged by ${this.ref(child)}${this.#shortStatus(child)}`);
    for (const edge of attackers ?? []) {
      w.bullet(`Challenged by ${this.ref(edge.from)}${this.#shortStatus(edge.from)}${refNote(edge)}`);
    }

    // Rebuttals written here in full, and answers given elsewhere by reference, in document order.
    // The rebuttals are in file order; the answers are in the order references were resolved, which
    // follows the builder's walk (recommendation before counterpoints, `targets` before lists), not
    // always the file's: sorted when they are not (rarely), then merged.
    if (answers && answers.some((edge, i) => i > 0 && answers[i - 1]!.span.start > edge.span.start)) {
      answers.sort((x, y) => x.span.start - y.span.start);
    }
    if (rebuttals && answers) {
      let a = 0;
      for (const rebuttal of rebuttals) {
        while (a < answers.length && answers[a]!.span.start < rebuttal.span.start) this.#answered(answers[a++]!);
        this.nested(rebuttal);
      }
      while (a < answers.length) this.#answered(answers[a++]!);
    } else if (rebuttals) for (const rebuttal of rebuttals) this.nested(rebuttal);
    else if (answers) for (const edge of answers) this.#answered(edge);

    // What else it does, by `ref` or `targets` elsewhere (a counterpoint's attacks are listed above).
    for (const edge of claim.outgoing) {
      if (edge.via === 'tree' || edge.kind === 'undercut') continue;
      if (claim.kind === 'counterpoint' && edge.kind === 'attack') continue;
      const answering = edge.to.kind === 'counterpoint' || edge.to.kind === 'rebuttal';
      const verb = edge.kind === 'support' ? 'Also supports' : answering ? 'Also answers' : 'Also attacks';
      const others = edge.group ? [...new Set(edge.group.premises)].filter((p) => p !== claim).map((p) => this.ref(p)) : [];
      w.bullet(`${verb} ${this.ref(edge.to)}${others.length > 0 ? `, together with ${others.join(' and ')}` : ''}`);
    }
  }

  #answered(edge: ClaimEdge) {
    this.#w.bullet(`Answered by ${this.ref(edge.from)}${refNote(edge)}`);
  }

  /** What a counterpoint attacks: claims, or (an undercut) the link by which a claim supports another. */
  #attacks(claim: Claim): string[] {
    const out: string[] = [];
    for (const edge of claim.outgoing) {
      if (edge.kind === 'attack') out.push(`**Attacks** ${this.ref(edge.to)}`);
      else if (edge.kind === 'undercut') {
        const others = edge.group ? [...new Set(edge.group.premises)].filter((p) => p !== claim).map((p) => this.ref(p)) : [];
        const joint = others.length > 0 ? `, together with ${others.join(' and ')}` : '';
        out.push(`**Undercuts** the link *${this.linkText(edge.to)}*${joint} (true, but it does not follow)`);
      }
    }
    if (this.#dangling.has(claim)) {
      out.push('**Undercut**, but there is no link to attack: the recommendation supports nothing');
    }
    if (out.length === 0) out.push('**Attacks** nothing: none of its `targets` is a claim in this file');
    return out;
  }

  #status(claim: Claim): string {
    const { counterpoint: state, answers = 0 } = this.view.claims[claim.index]!;
    if (state === 'conceded') return `✔️ **conceded** by the author${answers > 0 ? `; answered by ${plural(answers, 'rebuttal')}` : ''}`;
    if (state === 'answered') return `**answered** by ${plural(answers, 'rebuttal')}; not conceded`;
    return '❗ **unanswered**: not conceded, and nothing answers it';
  }

  /** ", conceded", ", answered", ", unanswered": a counterpoint's state where it is named. */
  #shortStatus(claim: Claim): string {
    const state = this.view.claims[claim.index]!.counterpoint;
    return state !== undefined ? `, ${state}` : '';
  }

  // ----- evidence and sources -------------------------------------------------------------------

  /** `📄 fact *“quote”* — Lloyd Austin, 2024-10-23 [3]`: the source cited in short, its number linking to the Sources list. */
  evidence(evidence: Evidence, attribution: ClaimView['evidence'][number]['attribution']) {
    const text = evidence.text.trim() === '' ? '*(no text)*' : esc(evidence.text);
    const quote = evidence.quote !== undefined ? ` *“${esc(evidence.quote)}”*` : '';
    let from: string;
    if (attribution.type === 'source') {
      const short = esc(shortReference(attribution.source));
      from = attribution.number !== undefined ? `${short} [[${attribution.number}]](#${sourceAnchor(attribution.number)})` : short;
    } else if (attribution.type === 'unknown') from = `⚠️ ${NO_SOURCE.unknown} ${codeSpan(attribution.id)}`;
    else from = `⚠️ ${NO_SOURCE.none}`;
    const note = evidence.note;
    const line = `📄 ${text}${quote} — ${from}`;
    if (note === undefined) this.#w.bullet(line);
    else {
      this.#w.open('-', line);
      this.#w.bullet(`*Note:* ${esc(note)}`);
      this.#w.close();
    }
  }

  /** A source in full, once, in the Sources list: the anchor its short references link to. */
  source(source: SourceView) {
    const { source: s, number: n } = source;
    const usedFile = s.file !== this.graph.file ? s.file : undefined;
    const id = `${s.id !== undefined ? codeSpan(s.id) : '*(no id)*'}${usedFile ? ` from ${codeSpan(fileName(usedFile.path))}` : ''}`;
    const who = attributionParts(s)
      .map((part, i) => (i === 0 && s.speaker !== undefined && s.speaker.trim() !== '' ? `**${esc(part)}**` : esc(part)))
      .join(', ');
    const kind = s.kind !== undefined ? ` · *${esc(s.kind)}*` : '';
    const url = s.url !== undefined ? ` · ${markdownLink('link', s.url)}` : '';
    const w = this.#w;
    w.open(`${n}.`, `<a id="${sourceAnchor(n)}"></a>${id}${who !== '' ? `: ${who}` : ''}${kind}${url}`);
    if (s.note !== undefined) w.bullet(`*Note:* ${esc(s.note)}`);
    w.bullet(source.citedFor.length > 0 ? `Cited for ${source.citedFor.map((c) => this.ref(c)).join('; ')}` : 'Not cited by any evidence');
    w.close();
  }

  // ----- the document ---------------------------------------------------------------------------

  render(options: OutlineOptions): void {
    const w = this.#w;
    const rec = this.#rec;
    const gap = () => w.blank();

    const view = this.view;
    w.line(`# ${esc(view.title)}`);
    gap();

    const doc = options.document ? documentView(options.document) : view.document;
    const parts: string[] = [];
    if (doc.kind !== undefined) parts.push(esc(doc.kind));
    if (doc.title !== undefined) parts.push(`*“${esc(doc.title)}”*`);
    if (doc.author !== undefined) parts.push(`by ${esc(doc.author)}`);
    if (doc.outlet !== undefined) parts.push(esc(doc.outlet));
    if (doc.date !== undefined) parts.push(esc(doc.date));
    if (doc.url !== undefined) parts.push(markdownLink('link', doc.url));
    if (parts.length > 0) {
      w.line(`**Document:** ${parts.join(' · ')}`);
      gap();
    }
    if (doc.note !== undefined) {
      w.line(`*Note on the document:* ${esc(doc.note)}`);
      gap();
    }
    if (view.description !== undefined) {
      w.line(`*About this map:* ${esc(view.description)}`);
      gap();
    }

    const { summary } = view;
    w.line(
      `Outline of ${codeSpan(options.file)}: ${[
        plural(summary.reasons, 'reason'),
        plural(summary.risks, 'risk'),
        `${plural(summary.counterpoints, 'counterpoint')} (${summary.states.unanswered} unanswered)`,
        plural(summary.sources, 'source'),
        `${plural(summary.unsupported, 'unsupported claim')}`,
      ].join(' · ')}.`,
    );
    gap();
    if (view.verdict) {
      const { verdict, claim } = view.verdict;
      w.line(
        `**Verdict:** the recommendation **${verdictText(verdict)}** (${claim.evaluation.status}: ${ticksToMarkdown(claim.evaluation.reason)}).`,
      );
      gap();
    }

    w.line('## Recommendation');
    gap();
    if (rec) {
      w.line(this.head(rec, true));
      gap();
      this.details(rec, false);
    } else {
      w.line('*None given.*');
    }
    gap();

    const numbered = (heading: string, claims: Claim[]) => {
      w.line(`## ${heading}`);
      gap();
      if (claims.length === 0) {
        w.line('*None given.*');
        gap();
        return;
      }
      claims.forEach((claim, i) => {
        const group = premiseGroup(claim);
        if (group) this.#linked(group, `${i + 1}.`);
        else {
          w.open(`${i + 1}.`, this.head(claim, true));
          this.details(claim);
          w.close();
        }
        gap();
      });
    };
    numbered('Reasons', units(rec?.children.filter((c) => c.kind === 'reason') ?? []));
    numbered('Risks', units(rec?.children.filter((c) => c.kind === 'risk') ?? []));

    w.line('## Counterpoints');
    gap();
    if (view.numbering.counterpointGroups.length === 0) {
      w.line('*None considered.*');
      gap();
    }
    let n = 0;
    for (const group of view.numbering.counterpointGroups) {
      const against =
        group.against === undefined
          ? 'Against particular claims'
          : group.against === rec
            ? 'Against the recommendation as a whole'
            : `Against ${this.ref(group.against)}`;
      w.line(`### ${against}`);
      gap();
      for (const claim of units(group.counterpoints)) {
        const linked = premiseGroup(claim);
        if (linked) this.#linked(linked, `${++n}.`);
        else {
          w.open(`${++n}.`, this.head(claim, true));
          this.details(claim);
          w.close();
        }
        gap();
      }
    }

    w.line('## Sources');
    gap();
    if (view.sources.length === 0) {
      w.line('*None listed.*');
      gap();
    }
    for (const source of view.sources) {
      this.source(source);
      gap();
    }

    // One blank line between blocks (see `blank`), none at the end, and exactly one final newline.
    w.end();
  }
}

/** The anchor of a source's entry in the Sources list (GitHub keeps it, as `user-content-source-3`, and follows `#source-3`). */
const sourceAnchor = (n: number) => `source-${n}`;

/** The argument map as a GitHub-flavoured Markdown outline (see `Outline`). Ends with one newline. */
export function formatOutline(graph: ArgumentGraph, analyses: Analyses, options: OutlineOptions): string {
  const chunks: string[] = [];
  writeOutline(graph, analyses, options, (chunk) => chunks.push(chunk));
  return chunks.join('');
}

/** The same outline, handed to `write` in chunks of about `chunkLines` whole lines as it is produced. */
export function writeOutline(
  graph: ArgumentGraph,
  analyses: Analyses,
  options: OutlineOptions,
  write: WriteChunk,
  chunkLines = CHUNK_LINES,
): void {
  new Outline(viewOf(analyses), write, chunkLines).render(options);
}

/** The note written on a `{ ref, note }` item, shown after the reference. */
function refNote(edge: Edge): string {
  return edge.kind !== 'undercut' && edge.note !== undefined ? ` (*${esc(edge.note)}*)` : '';
}
