import { counterpointInfo, type CounterpointInfo } from '../analyses/counterpoints';
import type { Analyses } from '../analyses/index';
import type { Because, Label } from '../analyses/evaluate';
import { linkedNeedNames, type Unsupported } from '../analyses/support';
import { needsText, UNSUPPORTED_WHY } from '../diagnostics/messages';
import type { ArgumentGraph, Claim, ClaimKind, Evidence, Source } from '../model/types';
import { evidenceAttribution, type EvidenceAttribution } from './attribution';
import { becauseText, statusOf, verdictOf, STATUSES, type Status, type Verdict } from './evaluation';
import { numberClaims, numberText, units, type ClaimNumber, type Numbering } from './numbering';

/**
 * The view of one file's argument that every document view reads (the outline, the report, the
 * listings, the JSON tree, evaluate's text and the drawing): what each says about a claim is worked
 * out here once, so that every view states the same facts in the same words. As ESLint hands its
 * formatters pre-counted results, this hands the formatters a claim's number, status and
 * counterpoint state; they only lay them out. Built once per file (`viewOf`), beside its `Analyses`.
 */

/** A counterpoint's state, one word everywhere: `conceded` by the author, else `answered` by a rebuttal, else `unanswered`. */
export type CounterpointState = 'answered' | 'conceded' | 'unanswered';

export interface ClaimView {
  claim: Claim;
  kind: ClaimKind;
  /** Its number in the outline, when it is listed there. */
  number?: ClaimNumber;
  /** How every view names it: "reason 1.2", "the recommendation", else its kind and key. */
  name: string;
  /** Support analysis: whether it rests, through support, on evidence with a source or an assumption. */
  support: { supported: true } | { supported: false; why: Unsupported; because: string };
  /** Grounded evaluation: its label, the status word that leads, and the decisive reason. */
  evaluation: { label: Label; status: Status; because: Because; reason: string };
  /** A counterpoint's state (a used file's counterpoint too, counting the answers from this file). */
  counterpoint?: CounterpointState;
  /** A counterpoint's answers: the rebuttals that attack it or undercut its attack. */
  answers?: number;
  evidence: Array<{ evidence: Evidence; attribution: EvidenceAttribution }>;
}

export interface SourceView {
  source: Source;
  /** Its number in the Sources list (1-based). */
  number: number;
  /** The claims whose evidence cites it, each once, in the order first cited (for a used file's source, this file's claims). */
  citedFor: Claim[];
}

export interface DocumentView {
  kind?: string;
  title?: string;
  author?: string;
  outlet?: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface Summary {
  /** Claims of this file (a used file's are counted with it). */
  claims: number;
  /** Numbered items of the Reasons and Risks lists (a linked group counts once). */
  reasons: number;
  risks: number;
  /** Counterpoints of this file, and how many are in each state. */
  counterpoints: number;
  states: Record<CounterpointState, number>;
  unsupported: number;
  evidence: number;
  sources: number;
  /** This file's claims by evaluation label and by status. */
  labels: Record<Label, number>;
  statuses: Record<Status, number>;
}

export interface ArgumentView {
  graph: ArgumentGraph;
  analyses: Analyses;
  /** The map's title, or "Argument map" when it has none. */
  title: string;
  description?: string;
  document: DocumentView;
  summary: Summary;
  /** By `claim.index`. */
  claims: ClaimView[];
  /** This file's counterpoints, in document order. */
  counterpoints: ClaimView[];
  /**
   * The Sources list: the file's own sources, then those of the files it uses that its evidence
   * cites (each used file lists its own), numbered in that order.
   */
  sources: SourceView[];
  numbering: Numbering;
  /** The verdict on the recommendation, and its claim view; undefined without a recommendation. */
  verdict?: { verdict: Verdict; claim: ClaimView };
}

const DOCUMENT_FIELDS = ['kind', 'title', 'author', 'outlet', 'date', 'url', 'note'] as const;

/** A text field, trimmed; undefined when empty. */
function present(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** The document fields present: `document` as the caller read it, or the graph's. */
export function documentView(document: Record<string, string | number>): DocumentView {
  const out: DocumentView = {};
  for (const key of DOCUMENT_FIELDS) {
    const value = present(document[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The name the outline gives a claim it numbers, else its kind and key. */
function nameOf(claim: Claim, number: ClaimNumber | undefined): string {
  return number ? numberText(number) : `${claim.kind} ${claim.key}`;
}

function buildView(analyses: Analyses): ArgumentView {
  const { graph, support, evaluation } = analyses;
  const numbering = numberClaims(graph);
  // Every counterpoint the views show has a state: this file's, and a used file's shown with its answers.
  const infos = new Map<Claim, CounterpointInfo>(analyses.counterpoints.map((info) => [info.claim, info]));
  for (const claim of graph.claims) {
    if (claim.kind === 'counterpoint' && !infos.has(claim)) infos.set(claim, counterpointInfo(claim));
  }
  const file = graph.file;
  const listed = graph.sources.filter((s) => s.file === file || s.citedBy.some((e) => e.file === file));
  const sourceNumbers = new Map(listed.map((s, i) => [s, i + 1]));
  const numberOf = (s: Source) => sourceNumbers.get(s);
  const claims = graph.claims.map((claim): ClaimView => {
    const number = numbering.claims[claim.index];
    const why = support.why.get(claim.index);
    const e = evaluation.claims[claim.index]!;
    const view: ClaimView = {
      claim,
      kind: claim.kind,
      name: nameOf(claim, number),
      support:
        why === undefined
          ? { supported: true }
          : {
              supported: false,
              why,
              because: why === 'unsupported-linked' ? needsText(linkedNeedNames(claim, support)) : UNSUPPORTED_WHY[why],
            },
      evaluation: { label: e.label, status: statusOf(e), because: e.because, reason: becauseText(e.because) },
      evidence: claim.evidence.map((evidence) => ({ evidence, attribution: evidenceAttribution(evidence, numberOf) })),
    };
    if (number) view.number = number;
    const info = infos.get(claim);
    if (info !== undefined) {
      view.counterpoint = claim.conceded ? 'conceded' : info.answered ? 'answered' : 'unanswered';
      view.answers = info.rebuttals.length;
    }
    return view;
  });
  const own = claims.filter((c) => c.claim.file === graph.file);
  const counterpoints = analyses.counterpoints.map((info) => claims[info.claim.index]!);
  const rec = graph.recommendation;
  const count = <K extends string>(keys: readonly K[], of: (c: ClaimView) => K | undefined, list: readonly ClaimView[]) => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const c of list) {
      const k = of(c);
      if (k !== undefined) out[k]++;
    }
    return out;
  };
  const summary: Summary = {
    claims: own.length,
    reasons: units(rec?.children.filter((c) => c.kind === 'reason') ?? []).length,
    risks: units(rec?.children.filter((c) => c.kind === 'risk') ?? []).length,
    counterpoints: counterpoints.length,
    states: count(['answered', 'conceded', 'unanswered'], (c) => c.counterpoint, counterpoints),
    unsupported: support.why.size,
    evidence: graph.evidence.length,
    sources: listed.length,
    labels: count(['in', 'out', 'undecided'], (c) => c.evaluation.label, own),
    statuses: count(STATUSES, (c) => c.evaluation.status, own),
  };
  const view: ArgumentView = {
    graph,
    analyses,
    title: present(graph.title) ?? 'Argument map',
    document: documentView(graph.document),
    summary,
    claims,
    counterpoints,
    sources: listed.map((source, i) => ({
      source,
      number: i + 1,
      citedFor: [...new Set(source.citedBy.filter((e) => source.file === file || e.file === file).map((e) => e.claim))],
    })),
    numbering,
  };
  const description = present(graph.description);
  if (description !== undefined) view.description = description;
  if (rec) {
    const claim = claims[rec.index]!;
    view.verdict = { verdict: verdictOf(claim.evaluation.status), claim };
  }
  return view;
}

const views = new WeakMap<Analyses, ArgumentView>();

/** The view of a file's argument, built once per `Analyses` and shared by every view that asks. */
export function viewOf(analyses: Analyses): ArgumentView {
  let view = views.get(analyses);
  if (!view) {
    view = buildView(analyses);
    views.set(analyses, view);
  }
  return view;
}
