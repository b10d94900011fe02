import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { attribution } from '../view/attribution';
import type { ArgumentGraph, Claim, Source } from '../model/types';

/** Where the cursor is in an id being written: its field, and the id written so far. */
export interface IdSlot {
  field: 'ref' | 'source' | 'targets';
  /** The offset where the id being written starts (what a completion replaces runs to the cursor). */
  start: number;
}

const ID_CHARS = /[A-Za-z0-9_.#-]*$/;

/**
 * The id slot at `offset`, read from the text itself (while an id is typed the file often does not
 * parse): the value of `ref:` or `source:`, an entry of a `targets: [...]` list, or an item of a
 * block list under `targets:`.
 */
export function idSlot(text: string, offset: number): IdSlot | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const typed = ID_CHARS.exec(before)![0];
  const start = offset - typed.length;
  const lead = before.slice(0, before.length - typed.length).replace(/["']$/, '');
  const field = /(?:^|[\s{,-])(ref|source)\s*:\s*$/.exec(lead)?.[1] as 'ref' | 'source' | undefined;
  if (field) return { field, start };
  if (/(?:^|[\s{,-])targets\s*:\s*\[(?:[^\]]*,)?\s*$/.test(lead)) return { field: 'targets', start };
  const item = /^(\s*)-\s+$/.exec(lead);
  if (!item) return undefined;
  // An item of a block list: the list's key is on the nearest line above that is not an item of it.
  const column = item[1]!.length;
  let end = lineStart - 1;
  while (end > 0) {
    const from = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(from, end).replace(/\r$/, '');
    end = from - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const indent = /^\s*/.exec(line)![0].length;
    if (indent === column && /^\s*-\s/.test(line)) continue;
    return /(?:^|[\s-])targets\s*:\s*(#.*)?$/.test(line) && indent <= column ? { field: 'targets', start } : undefined;
  }
  return undefined;
}

/** How a completion writes an id: plain when one visible file defines it, `file#id` otherwise. */
function written(node: Claim | Source, graph: ArgumentGraph, counts: Map<string, number>): string {
  const id = node.id!;
  if (!node.file || !graph.file || counts.get(id) === 1) return id;
  return `${node.file.name}#${id}`;
}

/** One line of a text, for a completion's detail. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/**
 * The ids a slot may name: claims for `ref` and `targets`, sources for `source`, of the file and of
 * the files it uses, each with its text (or attribution) as detail.
 */
export function idCompletions(graph: ArgumentGraph, field: IdSlot['field']): CompletionItem[] {
  const nodes: Array<Claim | Source> = field === 'source' ? graph.sources : graph.claims;
  const counts = new Map<string, number>();
  for (const node of nodes) if (node.id !== undefined) counts.set(node.id, (counts.get(node.id) ?? 0) + 1);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    if (node.id === undefined) continue;
    const label = written(node, graph, counts);
    if (seen.has(label)) continue;
    seen.add(label);
    const claim = 'citedBy' in node ? undefined : node;
    items.push({
      label,
      kind: claim ? CompletionItemKind.Reference : CompletionItemKind.Value,
      detail: claim ? oneLine(claim.text) : oneLine(attribution(node as Source)),
      ...(claim ? { labelDetails: { description: claim.kind } } : {}),
    });
  }
  return items;
}
