import { attributionParts } from './attribution';
import { UNSUPPORTED_MARK } from '../diagnostics/messages';
import { plural } from '../util/plural';
import type { Analyses } from '../analyses/index';
import type { CounterpointInfo } from '../analyses/counterpoints';
import type { ArgumentGraph, Claim, ClaimEdge, Edge, Evidence, LinkedGroup, Source } from '../model/types';
import { premisesLacking } from '../analyses/support';
import { codeSpan, escapeMarkdown as esc, markdownLink } from './markdown-escape';
import { fileName } from '../model/names';

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

/** How a claim is named in the outline: `reason 1.2`, `counterpoint 1`, `rebuttal 1.1`, `reason 1 of counterpoint 2`. */
interface Label {
  word: string;
  num: string;
  of?: string;
}

const isSupport = (c: Claim) => c.kind === 'reason' || c.kind === 'risk';
/** A premise written in place in a linked group (not one of the group's undercuts). */
const premiseGroup = (c: Claim): LinkedGroup | undefined => (c.group && c.link?.group === c.group ? c.group : undefined);
/** The letter of a premise in its group: (a), (b), ... (z), (aa), ... */
function letter(i: number): string {
  let out = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function labelText(label: Label): string {
  if (label.num === '') return label.word;
  return `${label.word} ${label.num}${label.of !== undefined ? ` of ${label.of}` : ''}`;
}

/** A sink for text as it is produced: a chunk of whole lines, each ending in `\n`. */
export type WriteChunk = (chunk: string) => void;

/** Lines handed to the sink at a time: big enough that writes are few, small enough to die young. */
const CHUNK_LINES = 2048;

/**
 * Markdown lines written in place at the current indentation: a nested list item is written once,
 * already indented, instead of being built as lines and re-indented at every level above it (which
 * costs time and memory in proportion to depth on a deep map). Finished lines go to the sink in
 * chunks, so a large outline is never one string in memory; the last line is always kept back, as
 * `blank` and `end` look at it.
 */
class Lines {
  readonly #out: string[] = [];
  #pad = '';
  readonly #pads: string[] = [];

  constructor(
    readonly write: WriteChunk,
    readonly chunkLines: number,
  ) {}

  line(text: string) {
    this.#push(text === '' ? '' : this.#pad + text);
  }

  /** A blank line between blocks: never two in a row, none at the start. */
  blank() {
    const out = this.#out;
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
  }

  /** A `- ` bullet with no sub-items. */
  bullet(text: string) {
    this.#push(`${this.#pad}- ${text}`);
  }

  /**
   * A list item: `marker` before `first`. The lines written until the matching `close` line up under
   * the item's text.
   */
  open(marker: string, first: string) {
    this.line(`${marker} ${first}`);
    this.#pads.push(this.#pad);
    this.#pad += marker.length === 1 ? '  ' : ' '.repeat(marker.length + 1);
  }

  close() {
    this.#pad = this.#pads.pop()!;
  }

  /** The rest, without a blank line at the end: the text ends with exactly one newline. */
  end() {
    const out = this.#out;
    if (out[out.length - 1] === '') out.pop();
    if (out.length > 0) this.write(`${out.join('\n')}\n`);
    out.length = 0;
  }

  #push(line: string) {
    const out = this.#out;
    out.push(line);
    if (out.length > this.chunkLines) {
      // Everything but the line just written, which stays as the last line.
      out.pop();
      this.write(`${out.join('\n')}\n`);
      out.length = 0;
      out.push(line);
    }
  }
}

interface CounterpointGroup {
  /** The claim the counterpoints are written under (or, top-level, attack): undefined for "particular claims". */
  against: Claim | undefined;
  counterpoints: Claim[];
}

class Outline {
  /** Each claim's label, by `claim.index` (as the other per-claim tables here). */
  readonly #labels: Array<Label | undefined>;
  /** Each linked group's label (its premises are lettered under it), by `group.index`. */
  readonly #groupLabels: Array<Label | undefined>;
  readonly #groups: CounterpointGroup[] = [];
  readonly #info: Array<CounterpointInfo | undefined>;
  readonly #rec: Claim | undefined;
  /** Where the outline is written. */
  readonly #w: Lines;
  /** How each claim is referred to, and each source attributed: worked out once, used wherever cited. */
  readonly #refs: Array<string | undefined>;
  /** By `source.index`. */
  readonly #attributions: Array<string | undefined>;
  /** Undercuts with no link to attack (`graph.danglingUndercuts`), to look up by claim. */
  readonly #dangling: Set<Claim | LinkedGroup>;

  constructor(
    readonly graph: ArgumentGraph,
    readonly analyses: Analyses,
    write: WriteChunk,
    chunkLines: number,
  ) {
    this.#w = new Lines(write, chunkLines);
    this.#rec = graph.recommendation;
    this.#dangling = new Set(graph.danglingUndercuts);
    const claims = graph.claims.length;
    this.#labels = new Array<Label | undefined>(claims).fill(undefined);
    this.#groupLabels = new Array<Label | undefined>(graph.groups.length).fill(undefined);
    this.#info = new Array<CounterpointInfo | undefined>(claims).fill(undefined);
    this.#refs = new Array<string | undefined>(claims).fill(undefined);
    this.#attributions = new Array<string | undefined>(graph.sources.length).fill(undefined);
    for (const info of analyses.counterpoints) this.#info[info.claim.index] = info;
    if (this.#rec) {
      const label: Label = { word: 'the recommendation', num: '' };
      this.#labels[this.#rec.index] = label;
      this.#labelChildren(this.#rec, label);
    }
    this.#groupCounterpoints();
    let n = 0;
    for (const group of this.#groups) {
      for (const claim of group.counterpoints) {
        const linked = premiseGroup(claim);
        if (!linked) {
          this.#labels[claim.index] = { word: 'counterpoint', num: String(++n) };
          continue;
        }
        let groupLabel = this.#groupLabels[linked.index];
        if (!groupLabel) {
          groupLabel = this.#groupLabels[linked.index] = { word: 'counterpoint', num: String(++n) };
          this.#labelAnswers(linked, groupLabel);
        }
        this.#labels[claim.index] = { ...groupLabel, num: `${groupLabel.num}(${letter(linked.premises.indexOf(claim))})` };
      }
    }
    for (const group of this.#groups) {
      for (const claim of group.counterpoints) this.#labelChildren(claim, this.#labels[claim.index]!);
    }
  }

  // ----- naming ---------------------------------------------------------------------------------

  /**
   * Labels the claims written under `parent`, depth first. Counterpoints are labelled apart (they are
   * numbered through the Counterpoints section); the claims under them are labelled from theirs.
   */
  #labelChildren(parent: Claim, parentLabel: Label) {
    const atRoot = parent === this.#rec;
    const inSupportTree = !atRoot && (parentLabel.word === 'reason' || parentLabel.word === 'risk');
    const inAttackTree = parentLabel.word === 'counterpoint' || parentLabel.word === 'rebuttal';
    // Numbered per kind under this parent (reasons and risks of a reason share one count).
    let supports = 0;
    let reasons = 0;
    let risks = 0;
    let rebuttals = 0;
    let of: string | undefined;
    // A linked group takes one number; its premises written here are lettered under it: `reason 1(b)`.
    const groupLabels = new Map<LinkedGroup, Label>();
    for (const child of parent.children) {
      if (child.kind === 'counterpoint') continue;
      if (child.group && (!premiseGroup(child) || child.group.of)) continue; // an answer of a linked group: below
      let label: Label;
      const group = premiseGroup(child);
      const known = group && groupLabels.get(group);
      if (known) {
        label = { ...known, num: `${known.num}(${letter(group.premises.indexOf(child))})` };
        this.#labels[child.index] = label;
        this.#labelChildren(child, label);
        continue;
      }
      if (isSupport(child)) {
        if (inSupportTree) label = { word: parentLabel.word, num: `${parentLabel.num}.${++supports}`, of: parentLabel.of };
        else {
          const num = String(child.kind === 'reason' ? ++reasons : ++risks);
          label = { word: child.kind, num, of: atRoot ? undefined : (of ??= labelText(parentLabel)) };
        }
      } else if (inAttackTree) {
        label = { word: 'rebuttal', num: `${parentLabel.num}.${++rebuttals}`, of: parentLabel.of };
      } else {
        // A rebuttal written under a reason or risk.
        label = { word: child.kind, num: String(++rebuttals), of: (of ??= labelText(parentLabel)) };
      }
      if (group) {
        groupLabels.set(group, label);
        this.#groupLabels[group.index] = label;
        this.#labelAnswers(group, label);
        label = { ...label, num: `${label.num}(${letter(group.premises.indexOf(child))})` };
      }
      this.#labels[child.index] = label;
      this.#labelChildren(child, label);
    }
  }

  /**
   * The rebuttals of a linked objection (or undercut), numbered under it in file order: `rebuttal
   * 2.1`; a linked undercut among them has its premises lettered: `rebuttal 2.2(a)`.
   */
  #labelAnswers(group: LinkedGroup, groupLabel: Label) {
    if (group.kind === 'support') return;
    const answers = [
      ...group.answers.map((claim) => ({ start: claim.span.start, claim })),
      ...group.answerGroups.map((g) => ({ start: g.span.start, g })),
    ];
    answers.sort((a, b) => a.start - b.start);
    answers.forEach((answer, i) => {
      const label: Label = { word: 'rebuttal', num: `${groupLabel.num}.${i + 1}`, of: groupLabel.of };
      if ('claim' in answer) {
        this.#labels[answer.claim.index] = label;
        this.#labelChildren(answer.claim, label);
        return;
      }
      this.#groupLabels[answer.g.index] = label;
      this.#labelAnswers(answer.g, label);
      answer.g.premises.forEach((premise, k) => {
        if (premiseGroup(premise) !== answer.g) return;
        const lettered = { ...label, num: `${label.num}(${letter(k)})` };
        this.#labels[premise.index] = lettered;
        this.#labelChildren(premise, lettered);
      });
    });
  }

  /**
   * Counterpoints grouped by the claim they are written under, in document order of each group's
   * first counterpoint. Top-level ones join the recommendation's group, unless they name `targets`.
   */
  #groupCounterpoints() {
    const byKey = new Map<number, CounterpointGroup>();
    let particular: CounterpointGroup | undefined;
    for (const claim of this.graph.claims) {
      if (claim.kind !== 'counterpoint') continue;
      const topLevelOnRec = claim.parent === undefined && (claim.link !== undefined || this.#dangling.has(claim));
      const against = claim.parent ?? (topLevelOnRec ? this.#rec : undefined);
      if (against === undefined) {
        if (!particular) {
          particular = { against: undefined, counterpoints: [] };
          this.#groups.push(particular);
        }
        particular.counterpoints.push(claim);
        continue;
      }
      let group = byKey.get(against.index);
      if (!group) {
        group = { against, counterpoints: [] };
        byKey.set(against.index, group);
        this.#groups.push(group);
      }
      group.counterpoints.push(claim);
    }
  }

  /** `reason 1.2 (`id`)`: how a claim is referred to from elsewhere in the outline. */
  ref(claim: Claim): string {
    let ref = this.#refs[claim.index];
    if (ref === undefined) {
      const label = this.#labels[claim.index];
      const name = label ? labelText(label) : `${claim.kind} ${codeSpan(claim.path)}`;
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
  linkText(edge: Edge, depth = 0): string {
    if (edge.kind === 'undercut') {
      const inner = depth < 4 ? ` ${this.linkText(edge.to, depth + 1)}` : '';
      if (edge.group && edge.group.premises.length > 1) return `that ${this.#together(edge.group)} undercut the link${inner}`;
      return `that ${this.ref(edge.from)} undercuts the link${inner}`;
    }
    if (edge.group && edge.group.premises.length > 1) {
      return `that ${this.#together(edge.group)} ${edge.kind === 'support' ? 'support' : 'attack'} ${this.ref(edge.to)}`;
    }
    return `that ${this.ref(edge.from)} ${edge.kind === 'support' ? 'supports' : 'attacks'} ${this.ref(edge.to)}`;
  }

  /** A linked group's premises, jointly: "reason 1(a) (`x`) and reason 1(b) (`y`) together". */
  #together(group: LinkedGroup): string {
    const refs = [...new Set(group.premises)].map((p) => this.ref(p));
    return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]} together`;
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

    const why = this.analyses.support.why.get(claim.index);
    if (why !== undefined) w.bullet(`⚠️ **unsupported**: ${UNSUPPORTED_MARK[why]}`);

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
    for (const evidence of claim.evidence) this.evidence(evidence);

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
    const info = this.#info[claim.index];
    const answers = info?.rebuttals.length ?? 0;
    if (claim.conceded) {
      return `✔️ **Conceded** by the author${answers > 0 ? `; answered by ${plural(answers, 'rebuttal')}` : ''}`;
    }
    if (answers > 0) return `Not conceded; answered by ${plural(answers, 'rebuttal')}`;
    return '❗ **unanswered**: not conceded, and nothing answers it';
  }

  #shortStatus(claim: Claim): string {
    const info = this.#info[claim.index];
    if (claim.conceded) return ', conceded';
    if (info && !info.answered) return ', unanswered';
    return '';
  }

  // ----- evidence and sources -------------------------------------------------------------------

  /** `📄 fact *“quote”* — Lloyd Austin, U.S. Defense Secretary, 2024-10-23 (`austin-october-23`)`. */
  evidence(evidence: Evidence) {
    const text = evidence.text.trim() === '' ? '*(no text)*' : esc(evidence.text);
    const quote = evidence.quote !== undefined ? ` *“${esc(evidence.quote)}”*` : '';
    let from: string;
    if (evidence.source) {
      const source = evidence.source;
      from = this.#attributions[source.index] ??= attribution(source);
    } else if (evidence.sourceId !== undefined) from = `⚠️ unknown source ${codeSpan(evidence.sourceId)}`;
    else from = '⚠️ no source given';
    const note = evidence.note;
    const line = `📄 ${text}${quote} — ${from}`;
    if (note === undefined) this.#w.bullet(line);
    else {
      this.#w.open('-', line);
      this.#w.bullet(`*Note:* ${esc(note)}`);
      this.#w.close();
    }
  }

  /** The file's own sources, then those of the files it uses that its evidence cites (in reading order). */
  #listedSources(): Source[] {
    const file = this.graph.file;
    return this.graph.sources.filter((s) => s.file === file || s.citedBy.some((e) => e.file === file));
  }

  source(source: Source, n: number) {
    const usedFile = source.file !== this.graph.file ? source.file : undefined;
    const used = usedFile !== undefined;
    const id = `${source.id !== undefined ? codeSpan(source.id) : '*(no id)*'}${usedFile ? ` from ${codeSpan(fileName(usedFile.path))}` : ''}`;
    const speaker = source.speaker !== undefined ? [`**${esc(source.speaker)}**`] : [];
    const rest = [source.role, source.organization, source.venue, source.date].flatMap((v) =>
      v !== undefined && v.trim() !== '' ? [esc(v)] : [],
    );
    const who = [...speaker, ...rest].join(', ');
    const kind = source.kind !== undefined ? ` · *${esc(source.kind)}*` : '';
    const url = source.url !== undefined ? ` · ${markdownLink('link', source.url)}` : '';
    // A used file's source: cited for this file's claims (the used files list their own).
    const cited = new Set<Claim>();
    for (const e of source.citedBy) if (!used || e.file === this.graph.file) cited.add(e.claim);
    const w = this.#w;
    w.open(`${n}.`, `${id}${who !== '' ? `: ${who}` : ''}${kind}${url}`);
    if (source.note !== undefined) w.bullet(`*Note:* ${esc(source.note)}`);
    w.bullet(cited.size > 0 ? `Cited for ${[...cited].map((c) => this.ref(c)).join('; ')}` : 'Not cited by any evidence');
    w.close();
  }

  // ----- the document ---------------------------------------------------------------------------

  render(options: OutlineOptions): void {
    const w = this.#w;
    const { graph } = this;
    const rec = this.#rec;
    const gap = () => w.blank();

    w.line(`# ${graph.title !== undefined && graph.title.trim() !== '' ? esc(graph.title) : 'Argument map'}`);
    gap();

    const doc = options.document ?? graph.document;
    const field = (key: string) => {
      const value = doc[key];
      return value === undefined || String(value).trim() === '' ? undefined : String(value);
    };
    const parts: string[] = [];
    const kind = field('kind');
    const title = field('title');
    const author = field('author');
    const outlet = field('outlet');
    const date = field('date');
    const url = field('url');
    if (kind !== undefined) parts.push(esc(kind));
    if (title !== undefined) parts.push(`*“${esc(title)}”*`);
    if (author !== undefined) parts.push(`by ${esc(author)}`);
    if (outlet !== undefined) parts.push(esc(outlet));
    if (date !== undefined) parts.push(esc(date));
    if (url !== undefined) parts.push(markdownLink('link', url));
    if (parts.length > 0) {
      w.line(`**Document:** ${parts.join(' · ')}`);
      gap();
    }
    const docNote = field('note');
    if (docNote !== undefined) {
      w.line(`*Note on the document:* ${esc(docNote)}`);
      gap();
    }
    if (graph.description !== undefined && graph.description.trim() !== '') {
      w.line(`*About this map:* ${esc(graph.description)}`);
      gap();
    }

    const reasons = units(rec?.children.filter((c) => c.kind === 'reason') ?? []);
    const risks = units(rec?.children.filter((c) => c.kind === 'risk') ?? []);
    const counterpoints = this.#groups.reduce((n, g) => n + units(g.counterpoints).length, 0);
    const unanswered = this.analyses.counterpoints.filter((i) => !i.answered && !i.claim.conceded).length;
    const unsupported = this.analyses.support.why.size;
    w.line(
      `Outline of ${codeSpan(options.file)}: ${[
        plural(reasons.length, 'reason'),
        plural(risks.length, 'risk'),
        `${plural(counterpoints, 'counterpoint')} (${unanswered} unanswered)`,
        plural(this.#listedSources().length, 'source'),
        `${plural(unsupported, 'unsupported claim')}`,
      ].join(' · ')}.`,
    );
    gap();

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
    numbered('Reasons', reasons);
    numbered('Risks', risks);

    w.line('## Counterpoints');
    gap();
    if (this.#groups.length === 0) {
      w.line('*None considered.*');
      gap();
    }
    let n = 0;
    for (const group of this.#groups) {
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
    const sources = this.#listedSources();
    if (sources.length === 0) {
      w.line('*None listed.*');
      gap();
    }
    sources.forEach((source, i) => {
      this.source(source, i + 1);
      gap();
    });

    // One blank line between blocks (see `blank`), none at the end, and exactly one final newline.
    w.end();
  }
}

/** "Lloyd Austin, U.S. Defense Secretary, 2024-10-23 (`austin-october-23`)": who said it, where and when. */
function attribution(source: Source): string {
  const parts = attributionParts(source).map(esc);
  const id = source.id !== undefined ? codeSpan(source.id) : '';
  if (parts.length === 0) return id !== '' ? id : 'an unnamed source';
  return `${parts.join(', ')}${id !== '' ? ` (${id})` : ''}`;
}

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
  new Outline(graph, analyses, write, chunkLines).render(options);
}

/** Claims as numbered items: a linked group's premises written in place count once (its first). */
function units(claims: readonly Claim[]): Claim[] {
  const seen = new Set<LinkedGroup>();
  return claims.filter((c) => {
    const group = premiseGroup(c);
    if (!group) return true;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

/** The note written on a `{ ref, note }` item, shown after the reference. */
function refNote(edge: Edge): string {
  return edge.kind !== 'undercut' && edge.note !== undefined ? ` (*${esc(edge.note)}*)` : '';
}
