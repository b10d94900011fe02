import { isMap, isScalar, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic';
import type { ArgumentGraph } from '../model/types';
import { mappingsByStart, sourcesList } from './yaml-nodes';

/** One edit of the file's text (pipeline offsets), and what the editor's menu calls it. */
export interface Fix {
  title: string;
  /** The diagnostic it fixes. */
  diagnostic: Diagnostic;
  edit: { start: number; end: number; text: string };
  preferred?: boolean;
}

/** The start of the line after the one `offset` is on (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The word a did-you-mean diagnostic is about, and what it suggests. */
function suggestionOf(d: Diagnostic): { word: string; suggestion: string } | undefined {
  const p = d.params as { suggestion?: string; id?: string; rule?: string; property?: string };
  const word = p.id ?? p.rule ?? p.property;
  return p.suggestion !== undefined && word !== undefined ? { word, suggestion: p.suggestion } : undefined;
}

/** Replaces the word a did-you-mean diagnostic names, where it stands in the diagnostic's span. */
function applySuggestion(text: string, d: Diagnostic): Fix | undefined {
  const found = suggestionOf(d);
  if (!found) return undefined;
  const within = text.slice(d.span.start, d.span.end);
  const at = new RegExp(`(?<![A-Za-z0-9_-])${found.word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_-])`).exec(within);
  if (!at) return undefined;
  const start = d.span.start + at.index;
  return {
    title: `Change to \`${found.suggestion}\``,
    diagnostic: d,
    edit: { start, end: start + found.word.length, text: found.suggestion },
    preferred: true,
  };
}

/** Adds `- id: <id>` to the file's `sources` (made when there is none), for an unknown source. */
function addSource(text: string, doc: Document, d: Diagnostic): Fix | undefined {
  const p = d.params as { id: string; file?: string };
  if (d.code !== 'unknown-source' || p.file !== undefined || p.id.includes('#')) return undefined;
  const title = `Add source \`${p.id}\` to \`sources\``;
  const list = sourcesList(doc);
  if (list?.range) {
    if (list.flow) {
      const close = list.range[1] - 1;
      const empty = list.items.length === 0;
      return { title, diagnostic: d, edit: { start: close, end: close, text: `${empty ? '' : ', '}{ id: ${p.id} }` } };
    }
    const last = list.items[list.items.length - 1] as { range?: [number, number, number] } | undefined;
    const at = nextLineStart(text, last?.range?.[1] ?? list.range[1]);
    const indent = ' '.repeat(column(text, list.range[0]));
    return {
      title,
      diagnostic: d,
      edit: { start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? '\n' : ''}${indent}- id: ${p.id}\n` },
    };
  }
  const top = doc.contents;
  if (!isMap(top) || top.flow) return undefined;
  // No `sources` yet: a new list before the recommendation (or the counterpoints), else at the end.
  const before = top.items.find(
    (pair) => isScalar(pair.key) && (pair.key.value === 'recommendation' || pair.key.value === 'counterpoints'),
  );
  const key = before && isScalar(before.key) ? before.key.range?.[0] : undefined;
  const at = key !== undefined ? key - column(text, key) : text.length;
  const lead = at === text.length && text !== '' && !text.endsWith('\n') ? '\n' : '';
  return { title, diagnostic: d, edit: { start: at, end: at, text: `${lead}sources:\n  - id: ${p.id}\n` } };
}

/** Marks the claim an `unsupported-claim` finding is about `assumption: true`. */
function markAssumption(text: string, doc: Document, graph: ArgumentGraph, d: Diagnostic): Fix | undefined {
  if (d.rule !== 'unsupported-claim') return undefined;
  const claim = graph.claims.find((c) => c.span.start === d.span.start && c.file === graph.file);
  const map = claim && mappingsByStart(doc).get(claim.span.start);
  if (!claim || !map?.range) return undefined;
  const title = `Mark ${claim.id !== undefined ? `\`${claim.id}\`` : `the ${claim.kind}`} as an assumption (\`assumption: true\`)`;
  const existing = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'assumption');
  if (existing) {
    const value = existing.value as { range?: [number, number, number] } | null;
    if (!value?.range) return undefined;
    return { title, diagnostic: d, edit: { start: value.range[0], end: value.range[1], text: 'true' } };
  }
  if (map.flow) {
    const close = map.range[1] - 1;
    return { title, diagnostic: d, edit: { start: close, end: close, text: `${map.items.length > 0 ? ', ' : ''}assumption: true ` } };
  }
  // After the `text` (or the first key), at the mapping's indentation.
  const after = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'text') ?? map.items[0];
  const end = (after?.value as { range?: [number, number, number] } | null)?.range?.[1] ?? map.range[0];
  const at = nextLineStart(text, end);
  const indent = ' '.repeat(column(text, map.range[0]));
  return {
    title,
    diagnostic: d,
    edit: { start: at, end: at, text: `${at === text.length && !text.endsWith('\n') ? '\n' : ''}${indent}assumption: true\n` },
  };
}

/**
 * The quick fixes for the diagnostics that meet `range`: apply a did-you-mean suggestion (an unknown
 * id, rule or field), add a missing source to `sources`, mark an unsupported claim as an assumption.
 */
export function quickFixes(
  text: string,
  doc: Document,
  graph: ArgumentGraph | undefined,
  diagnostics: readonly Diagnostic[],
  range: Span,
): Fix[] {
  const fixes: Fix[] = [];
  for (const d of diagnostics) {
    if (d.span.end < range.start || d.span.start > range.end) continue;
    const suggestion = applySuggestion(text, d);
    if (suggestion) fixes.push(suggestion);
    const source = addSource(text, doc, d);
    if (source) fixes.push(source);
    const assumption = graph && markAssumption(text, doc, graph, d);
    if (assumption) fixes.push(assumption);
  }
  return fixes;
}
