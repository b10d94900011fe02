import { isCollection, isMap, isScalar, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

/**
 * Where the comments after a collection go. The yaml package attaches every comment between the
 * end of a collection's last value and the next key or item to the deepest node that ends there,
 * as its end comment, whatever the comment's indentation, and writes it at that node's indentation:
 *
 *     - id: r1
 *       assumption: true
 *     # about r2        <- read as r1's end comment, and written indented into r1
 *     - id: r2
 *
 * This puts each such comment back where its indentation says it is: a comment line written left
 * of a collection (or, in a flow collection, on a line of its own after an item) goes above the
 * next key or item of the level it is written at or, after the last one, ends the collection
 * around it. Run on the document as parsed from `text`, before the layout.
 */
export function placeTrailingComments(doc: Document, text: string) {
  const top = doc.contents;
  if (!isCollection(top)) return;
  const pending = new Map<Node, CommentLine[]>();
  place(top, text, pending);
  const lines = pending.get(top);
  if (lines) top.comment = joined([...lines.map((line) => line.text), top.comment]);
}

/** A line of an end comment as the yaml package holds it ('' for a blank line), and its column (Infinity after other text). */
interface CommentLine {
  text: string;
  column: number;
}

type Collection = YAMLMap | YAMLSeq;

function joined(parts: ReadonlyArray<string | null | undefined>): string | undefined {
  const present = parts.filter((part): part is string => part !== undefined && part !== null);
  return present.length > 0 ? present.join('\n') : undefined;
}

/**
 * The lines of a node's own end comment, each with the column it is written at: the first comments
 * between the node's value and `end` (where the next key or item starts); undefined when they do
 * not match the comment's lines.
 */
function endComment(node: Collection, text: string, end: number): CommentLine[] | undefined {
  if (!node.comment) return [];
  if (!node.range) return undefined;
  const lines = node.comment.split('\n');
  const columns: number[] = [];
  const start = node.range[1];
  for (const match of text.slice(start, end).matchAll(/(^|[ \t])#/gm)) {
    const at = start + match.index + match[1]!.length;
    const before = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
    columns.push(/^[ \t]*$/.test(before) ? before.length : Infinity);
  }
  if (columns.length < lines.filter((line) => line !== '').length) return undefined;
  let next = 0;
  return lines.map((line) => ({ text: line, column: line === '' ? Infinity : columns[next++]! }));
}

/** Where the node after item `i` starts (the collection's end after the last). */
function nextStart(collection: Collection, i: number): { target?: Node; end: number } {
  const item: unknown = collection.items[i + 1];
  const target = (isMap(collection) ? (item as { key?: unknown } | undefined)?.key : item) as Node | undefined;
  if (target && (isScalar(target) || isCollection(target)) && target.range) return { target, end: target.range[0] };
  return { end: collection.range?.[2] ?? 0 };
}

function place(collection: Collection, text: string, pending: Map<Node, CommentLine[]>) {
  for (const [i, item] of collection.items.entries()) {
    const child: unknown = isMap(collection) ? (item as { value?: unknown }).value : item;
    if (!isCollection(child) || !child.range) continue;
    place(child, text, pending);
    const { target, end } = nextStart(collection, i);
    const inner = pending.get(child) ?? [];
    const own = endComment(child, text, end);
    if (!own) {
      child.comment = joined([...inner.map((line) => line.text), child.comment]);
      continue;
    }
    const lines = [...inner, ...own];
    const column = child.range[0] - (text.lastIndexOf('\n', child.range[0] - 1) + 1);
    const split = lines.findIndex((line) => line.text !== '' && (collection.flow ? line.column !== Infinity : line.column < column));
    const keep = split === -1 ? lines : lines.slice(0, split);
    const out = split === -1 ? [] : lines.slice(split);
    let blank = false;
    while (out.length > 0 && keep.length > 0 && keep[keep.length - 1]!.text === '') {
      keep.pop();
      blank = true;
    }
    child.comment = joined(keep.map((line) => line.text));
    if (out.length === 0) continue;
    if (target) {
      target.commentBefore = joined([...out.map((line) => line.text), target.commentBefore]);
      if (blank) target.spaceBefore = true;
    } else pending.set(collection, [...(blank ? [{ text: '', column: Infinity }] : []), ...out]);
  }
}
