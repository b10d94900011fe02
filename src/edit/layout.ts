import { isDeepStrictEqual } from 'node:util';
import {
  CST,
  isMap,
  isScalar,
  isSeq,
  Lexer,
  parseDocument,
  Scalar,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { parse } from '../load/parse';
import { SourceFile } from '../load/source-file';
import { placeTrailingComments } from './trailing-comments';

/**
 * The canonical layout of an argument file (`argmap fmt`): keys in the order of docs/format.md
 * (ids first), two-space indentation, text longer than a line folded as `>-` at LINE_WIDTH columns,
 * short lists of ids or paths as `[a, b]`, every comment and blank line kept where it is. Built
 * on the yaml package's Document: it parses the file with every comment attached to a node,
 * reorders the pairs of each mapping (a pair takes its comments along), sets each scalar's and
 * list's style, and writes the document back. The layout depends only on the data, the comments
 * and the blank lines, so formatting twice gives what formatting once gives, and the data parsed
 * back is the data parsed before (the caller checks it).
 */

/** The width text is folded at, and the widest line a value is kept on. */
export const LINE_WIDTH = 80;

/**
 * The fewest characters a line of text holds however deep it is. Text whose `>-` block would start
 * further right than LINE_WIDTH - MIN_CONTENT_WIDTH is not folded as a block (it would be one word
 * a line, and from column 79 on the yaml package writes a block that reads back differently); the
 * yaml package may then wrap it as plain or quoted text, at least this many characters a line.
 */
const MIN_CONTENT_WIDTH = 30;

type Kind = 'top' | 'document' | 'source' | 'claim' | 'evidence' | 'reference' | 'group';

/** The keys of each mapping, in the order docs/format.md gives them (ids first); others follow, as written. */
export const KEY_ORDER: Record<Kind, readonly string[]> = {
  top: ['argmap', 'title', 'description', 'document', 'sources', 'uses', 'recommendation', 'counterpoints'],
  document: ['kind', 'title', 'author', 'outlet', 'date', 'url', 'note', 'file'],
  source: ['id', 'speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind', 'quote', 'note'],
  claim: [
    'id',
    'text',
    'quote',
    'note',
    'assumption',
    'undercut',
    'conceded',
    'targets',
    'evidence',
    'reasons',
    'risks',
    'counterpoints',
    'rebuttals',
  ],
  evidence: ['text', 'source', 'quote', 'note'],
  reference: ['ref', 'note'],
  group: ['together', 'note', 'undercut', 'counterpoints', 'rebuttals'],
};

/** Lists of claims: each item a claim, a `ref`, or a linked group. */
const CLAIM_LISTS = new Set(['reasons', 'risks', 'counterpoints', 'rebuttals', 'together']);

/** What the mapping under `key` of a mapping of kind `parent` is. */
function childKind(parent: Kind | undefined, key: string): { map?: Kind; items?: Kind | 'claims' } {
  if (parent === 'top') {
    if (key === 'document') return { map: 'document' };
    if (key === 'sources') return { items: 'source' };
    if (key === 'recommendation') return { map: 'claim' };
    if (key === 'counterpoints') return { items: 'claims' };
  }
  if (parent === 'claim' || parent === 'group') {
    if (key === 'evidence' && parent === 'claim') return { items: 'evidence' };
    if (CLAIM_LISTS.has(key)) return { items: 'claims' };
  }
  return {};
}

/** An item of a list of claims: a reference, a linked group or a claim. */
function claimItemKind(map: YAMLMap): Kind {
  if (map.has('ref')) return 'reference';
  if (map.has('together')) return 'group';
  return 'claim';
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

/**
 * Sorts the pairs of a mapping into `order` (unknown keys after, as written). The comment and
 * blank line before the first pair belong to the mapping (an `argmap-disable-next-line` above an
 * item), so they stay before whichever pair comes first.
 */
function reorder(map: YAMLMap, order: readonly string[]) {
  const items = map.items;
  if (items.length < 2) return;
  const rank = (pair: Pair, i: number) => {
    const at = order.indexOf(keyOf(pair));
    return at === -1 ? order.length + i : at;
  };
  const ranked = items.map((pair, i) => ({ pair, rank: rank(pair, i) }));
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank).map((r) => r.pair);
  if (sorted.every((p, i) => p === items[i])) return;
  const first = items[0]!.key as Node;
  const next = sorted[0]!.key as Node;
  const { commentBefore, spaceBefore } = first;
  first.commentBefore = undefined;
  first.spaceBefore = undefined;
  if (commentBefore) next.commentBefore = next.commentBefore ? `${commentBefore}\n${next.commentBefore}` : commentBefore;
  if (spaceBefore) next.spaceBefore = true;
  map.items = sorted;
}

/** Whether a node or anything in it carries a comment. */
function hasComment(node: Node): boolean {
  return Boolean(node.commentBefore || node.comment);
}

/** Words YAML 1.1 reads as booleans (argmap reads YAML 1.2, where they are text). */
const YAML_11_BOOLEAN = /^(?:y|yes|n|no|on|off)$/i;

/** The length of a string written on one line: plain when it can be, else double-quoted. */
function oneLineLength(value: string): number {
  return JSON.stringify(value).length;
}

/**
 * Whether a `>-` block gives back exactly this text: not when it starts or ends with white space
 * (a line starting with a space is not folded back, a trailing one would be cut off). Characters
 * only an escape can write make the yaml package quote the text whatever its style.
 */
function foldable(value: string): boolean {
  return /^\S(?:.*\S)?$/.test(value);
}

/**
 * Sets the style of a scalar written from `column` on (after its key, or its list's `- `); a block
 * written for it would be indented to `blockColumn`.
 */
function styleScalar(node: Scalar, column: number, blockColumn = column) {
  const value = node.value;
  if (typeof value !== 'string') {
    node.type = undefined;
    return;
  }
  if (value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  // Booleans of YAML 1.1, which other tools may still read as such: kept in quotes.
  else if (YAML_11_BOOLEAN.test(value)) node.type = Scalar.QUOTE_DOUBLE;
  else if (column + oneLineLength(value) > LINE_WIDTH && blockColumn <= LINE_WIDTH - MIN_CONTENT_WIDTH && foldable(value)) {
    node.type = Scalar.BLOCK_FOLDED;
  } else node.type = undefined;
}

/** Lays out a value at `column` (where a nested block's lines start), written after `lead` characters. */
function layoutValue(node: unknown, column: number, lead: number, kind: { map?: Kind; items?: Kind | 'claims' }) {
  if (isScalar(node)) styleScalar(node, lead, column);
  else if (isMap(node)) layoutMap(node, column, kind.map);
  else if (isSeq(node)) layoutSeq(node, column, lead, kind.items);
}

function layoutMap(map: YAMLMap, column: number, kind: Kind | undefined) {
  map.flow = false;
  if (kind) reorder(map, KEY_ORDER[kind]);
  for (const pair of map.items) {
    if (isScalar(pair.key)) pair.key.type = undefined;
    const key = keyOf(pair);
    const lead = column + (isScalar(pair.key) ? oneLineLength(key) : 0) + 2;
    layoutValue(pair.value, column + 2, lead, childKind(kind, key));
  }
}

function layoutSeq(seq: YAMLSeq, column: number, lead: number, items: Kind | 'claims' | undefined) {
  // A short list of plain values on one line: `[a, b]`; any other list as a block, one item a line.
  const scalars = seq.items.every(
    (item) => isScalar(item) && !hasComment(item) && !(typeof item.value === 'string' && item.value.includes('\n')),
  );
  const flowLength = seq.items.reduce<number>((n, item) => n + oneLineLength(String((item as Scalar).value)) + 2, lead + 2);
  seq.flow = seq.items.length > 0 && scalars && !hasComment(seq) && flowLength <= LINE_WIDTH;
  for (const item of seq.items) {
    if (seq.flow) {
      // It fits on the line, so it is never folded: plain, or quoted where it must be.
      styleScalar(item as Scalar, 0);
      continue;
    }
    // A block list's items start two columns in, after `- `.
    const itemColumn = column + 2;
    if (isMap(item)) {
      layoutMap(item, itemColumn, items === 'claims' ? claimItemKind(item) : items);
      // A comment before the first key would be written after the `- `: it goes above the item.
      const first = item.items[0]?.key as Node | undefined;
      if (first && isScalar(first) && first.commentBefore) {
        item.commentBefore = item.commentBefore ? `${item.commentBefore}\n${first.commentBefore}` : first.commentBefore;
        first.commentBefore = undefined;
      }
    } else layoutValue(item, itemColumn, itemColumn, {});
  }
}

/**
 * What `formatSource` gives: the file's canonical text (`changed` when it differs), or why it was
 * left alone: YAML errors (the parse's diagnostics: what `check` reports), or, never expected, a
 * layout that would change the data or lose a comment (a bug: nothing is written).
 */
export type FormatResult =
  | { ok: true; text: string; changed: boolean }
  | { ok: false; problem: 'syntax'; diagnostics: Diagnostic[] }
  | { ok: false; problem: 'carriage-return'; offset: number }
  | { ok: false; problem: 'unsafe' };

/** The options every argument file is parsed with (as `load/parse.ts`). */
const OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: false, strict: true, logLevel: 'error' } as const;

/** Every comment of a YAML text, in order, as written (the lexer's comment tokens). */
export function commentsOf(text: string): string[] {
  const out: string[] = [];
  for (const token of new Lexer().lex(text)) if (token.startsWith('#')) out.push(token.trimEnd());
  return out;
}

/**
 * The offset of the first carriage return without a line feed inside a comment. YAML 1.2 counts a
 * lone CR as a line break, the yaml package reads it as part of the comment and writes it as a
 * break: no layout keeps such a comment as it is, so `fmt` leaves the file alone and says where.
 */
function loneCarriageReturn(text: string): number | undefined {
  if (!/\r(?!\n)/.test(text)) return undefined;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) {
      const at = token.search(/\r(?!\n)/);
      if (at !== -1) return offset + at;
    }
    // The lexer's one-character markers (document, scalar, flow error) are not in the text.
    if (token !== CST.DOCUMENT && token !== CST.SCALAR && token !== CST.FLOW_END) offset += token.length;
  }
  return undefined;
}

/**
 * The canonical layout of one argument file. A file that is not readable YAML (syntax errors,
 * aliases, tags, keys twice: what `check` reports as yaml-syntax) is left alone. The result is
 * checked before it is handed back: parsed again, it holds the same data and the same comments.
 */
export function formatSource(source: SourceFile): FormatResult {
  const before = parse(source);
  if (before.data === undefined) return { ok: false, problem: 'syntax', diagnostics: before.diagnostics };
  const carriageReturn = loneCarriageReturn(source.text);
  if (carriageReturn !== undefined) return { ok: false, problem: 'carriage-return', offset: carriageReturn };
  const doc = parseDocument(source.text, OPTIONS);
  placeTrailingComments(doc, source.text);
  layoutDocument(doc);
  const text = doc.toString({
    indent: 2,
    indentSeq: true,
    lineWidth: LINE_WIDTH,
    minContentWidth: MIN_CONTENT_WIDTH,
    flowCollectionPadding: false,
  });
  if (text === source.text) return { ok: true, text, changed: false };
  const after = parse(new SourceFile(source.path, text));
  if (!isDeepStrictEqual(after.data, before.data) || !isDeepStrictEqual(commentsOf(text).sort(), commentsOf(source.text).sort())) {
    return { ok: false, problem: 'unsafe' };
  }
  return { ok: true, text, changed: true };
}

function layoutDocument(doc: Document) {
  const top = doc.contents;
  if (isMap(top)) layoutMap(top, 0, 'top');
  else layoutValue(top, 0, 0, {});
}
