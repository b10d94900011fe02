import type { Span } from '../diagnostics/diagnostic';
import type { Claim, Definition, Reference, Source } from '../model/types';
import type { UsesEntry } from '../pipeline/workspace';
import type { Checked } from './checker';

/** What the cursor is on: an id where it is defined, an id where it is named, or a `uses` path. */
export type Located =
  | { kind: 'definition'; definition: Definition; span: Span }
  | { kind: 'reference'; reference: Reference; span: Span }
  | { kind: 'uses'; entry: UsesEntry; span: Span }
  | { kind: 'document-file'; absolute: string; span: Span };

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

/** The id, reference or path at `offset` of the checked buffer (undefined on anything else). */
export function locate(checked: Checked, offset: number): Located | undefined {
  const graph = checked.result.graph;
  if (!graph) return undefined;
  for (const reference of graph.references) {
    if (contains(reference.span, offset)) return { kind: 'reference', reference, span: reference.span };
  }
  for (const list of graph.definitions.values()) {
    for (const definition of list) {
      if (contains(definition.span, offset)) return { kind: 'definition', definition, span: definition.span };
    }
  }
  const unit = checked.workspace.unit(checked.absolute);
  if (unit) {
    for (const entry of unit.uses) if (contains(entry.span, offset)) return { kind: 'uses', entry, span: entry.span };
    const text = checked.workspace.documentText(unit);
    if (text && contains(text.span, offset)) return { kind: 'document-file', absolute: text.absolute, span: text.span };
  }
  return undefined;
}

/** The node an id or reference stands for, when it resolves. */
export function nodeAt(located: Located | undefined): Claim | Source | undefined {
  if (located?.kind === 'definition') return located.definition.node;
  if (located?.kind === 'reference') return located.reference.resolved;
  return undefined;
}

/** The definition a located id or reference stands for. */
export function definitionAt(located: Located | undefined): Definition | undefined {
  if (located?.kind === 'definition') return located.definition;
  if (located?.kind === 'reference') return located.reference.definition;
  return undefined;
}
