import type { ErrorObject } from 'ajv';
import type { Document } from 'yaml';
import { isMap, isPair, isScalar } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic';
import type { Code, CodeParams, UnknownPropertyHint } from '../diagnostics/messages';
import { suggest } from '../util/suggest';
import { keySpan, spanOf } from '../load/yaml-span';
import { KeyIndex, nodeAtPath, pointerSegments } from './node-at-path';

const ITEM_NAMES: Record<string, string> = {
  sources: 'source',
  reasons: 'reason',
  risks: 'risk',
  counterpoints: 'counterpoint',
  rebuttals: 'rebuttal',
  evidence: 'evidence',
  targets: 'target',
  together: 'premise',
};

/**
 * A source's fields other than `id` and `note` (which evidence has too): written on evidence, they
 * are a source's detail put in the wrong place. test/diagnostics/messages.test.ts keeps this in
 * step with the schema.
 */
export const SOURCE_FIELDS: ReadonlySet<string> = new Set(['speaker', 'role', 'organization', 'venue', 'date', 'url', 'kind']);

/** The known mistake an unknown property at `segments` + `property` is, if it is one. */
function unknownPropertyHint(segments: readonly string[], property: string, allowed: readonly string[]): UnknownPropertyHint | undefined {
  const list = segments[segments.length - 2];
  if (list === 'evidence' && SOURCE_FIELDS.has(property)) return 'source-field';
  if (property === 'undercut' && allowed.includes('ref') && (list === 'counterpoints' || list === 'rebuttals')) return 'ref-undercut';
  return undefined;
}

/** How a message names the object at a data path: "the recommendation", "reason 2 of `reasons`". */
function describe(segments: readonly string[]): string {
  const last = segments[segments.length - 1];
  if (last === undefined) return 'the file';
  if (/^\d+$/.test(last)) {
    const list = segments[segments.length - 2] ?? '';
    const item = ITEM_NAMES[list] ?? 'item';
    return `${item} ${Number(last) + 1} of \`${list}\``;
  }
  if (last === 'recommendation') return 'the recommendation';
  return `\`${last}\``;
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a whole number' : 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return typeof value;
}

const EXPECTED: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

function expectedTypes(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => EXPECTED[String(t)] ?? String(t)).join(' or ');
}

function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

function diagnostic<C extends Code>(code: C, span: Span, params: CodeParams[C]): Diagnostic {
  return { rule: 'schema', code, severity: 'error', span, params };
}

/** Which reusable definition an error comes from (`id`, `date`, `url`, `text`), if any. */
function definitionOf(error: ErrorObject): string | undefined {
  return /#\/\$defs\/([^/]+)\/[^/]+$/.exec(error.schemaPath)?.[1];
}

/**
 * Turns ajv's errors (all of them: `allErrors`) into diagnostics pointed at the exact key or value at
 * fault: an unknown property at its key, a missing property at the object that lacks it (at its key
 * when it is a map value), a wrong value at the value.
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], doc: Document, data: unknown): Diagnostic[] {
  if (data === null || data === undefined) {
    return [diagnostic('empty-file', spanOf(doc.contents as never), {})];
  }
  const out: Diagnostic[] = [];
  // One index of keys for every look-up: each error's look-up costs O(depth), not O(size of its map).
  const keys = new KeyIndex();
  // An unknown key that is a near-miss of a missing required one is one fault, not two.
  const suggested = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const property = String(error.params.additionalProperty);
    const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
    const segments = pointerSegments(error.instancePath);
    const hint = unknownPropertyHint(segments, property, allowed);
    const suggestion = hint ? undefined : suggest(property, allowed);
    const located = nodeAtPath(doc, [...segments, property], keys);
    const span = (located.pair && keySpan(located.pair)) ?? spanOf(located.node);
    if (suggestion) suggested.add(`${error.instancePath}\u0000${suggestion}`);
    out.push(
      diagnostic('schema-unknown-property', span, {
        what: describe(segments),
        property,
        ...(suggestion ? { suggestion } : {}),
        ...(hint ? { hint } : {}),
      }),
    );
  }

  for (const error of errors) {
    const segments = pointerSegments(error.instancePath);
    const located = nodeAtPath(doc, segments, keys);
    const valueSpan = spanOf(located.node, located.pair?.key as never);
    const name = describe(segments);
    switch (error.keyword) {
      case 'additionalProperties':
      case 'if':
        break;
      case 'required': {
        const property = String(error.params.missingProperty);
        if (suggested.has(`${error.instancePath}\u0000${property}`)) break;
        out.push(diagnostic('schema-required', objectSpan(located), { what: name, property }));
        break;
      }
      case 'type':
        if (segments.length === 0 && isScalar(doc.contents) && doc.contents.value === null) {
          out.push(diagnostic('empty-file', valueSpan, {}));
        } else {
          out.push(
            diagnostic('schema-type', valueSpan, {
              name: segments.length === 0 ? 'the file' : name,
              expected: expectedTypes(error.params.type),
              actual: typeName(error.data),
              // `source: [a, b]` on evidence: one fact from two sources is two evidence items.
              ...(Array.isArray(error.data) && segments[segments.length - 1] === 'source' && segments[segments.length - 3] === 'evidence'
                ? { hint: 'one-source' as const }
                : {}),
            }),
          );
        }
        break;
      case 'const':
        out.push(
          diagnostic('schema-const', valueSpan, {
            name,
            expected: JSON.stringify(error.params.allowedValue),
            actual: `${JSON.stringify(error.data)}${typeof error.data === typeof error.params.allowedValue ? '' : ` (${typeName(error.data)})`}`,
          }),
        );
        break;
      case 'enum':
        out.push(
          diagnostic('schema-enum', valueSpan, {
            name,
            value: shown(error.data),
            allowed: (error.params.allowedValues as unknown[]).map(shown),
          }),
        );
        break;
      case 'pattern':
      case 'minimum':
      case 'maximum':
      case 'minLength': {
        const def = definitionOf(error);
        if (def === 'id' || def === 'claimId' || def === 'idRef')
          out.push(diagnostic('schema-id-pattern', valueSpan, { value: shown(error.data) }));
        else if (def === 'date') out.push(diagnostic('schema-date', valueSpan, { value: shown(error.data) }));
        else if (def === 'url') out.push(diagnostic('schema-url', valueSpan, { value: shown(error.data) }));
        else if (error.keyword === 'minLength' || def === 'text') {
          out.push(diagnostic('schema-empty-text', valueSpan, { name }));
        } else {
          out.push(diagnostic('schema-other', valueSpan, { name, detail: error.message ?? error.keyword }));
        }
        break;
      }
      case 'minItems':
        out.push(
          diagnostic('schema-min-items', valueSpan, {
            name,
            min: Number(error.params.limit),
          }),
        );
        break;
      default:
        out.push(diagnostic('schema-other', valueSpan, { name, detail: error.message ?? error.keyword }));
    }
  }
  return dedupe(out);
}

/** Where to point for "this object lacks a property": its key when it is a map value, else its first line. */
function objectSpan(located: ReturnType<typeof nodeAtPath>): Span {
  if (located.pair) {
    const key = keySpan(located.pair);
    if (key) return key;
  }
  const node = located.node;
  if (isMap(node)) {
    const first = node.items[0];
    if (isPair(first)) {
      const key = keySpan(first);
      if (key) return { start: spanOf(node).start, end: key.end };
    }
  }
  return spanOf(node);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}\u0000${d.span.start}\u0000${JSON.stringify(d.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
