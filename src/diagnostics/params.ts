import type { Code, CodeParams } from './messages';

/** The type of one parameter of a code, as a word: `?` marks one that may be absent. */
type ShapeOf<T> = T extends string ? 'string' : T extends number ? 'number' : T extends readonly string[] ? 'string[]' : never;
type Shapes<P> = { [K in keyof P]-?: undefined extends P[K] ? `${ShapeOf<NonNullable<P[K]>>}?` : ShapeOf<P[K]> };

/**
 * The parameters each code takes, at run time: for checking diagnostics that come from outside
 * the process (the `--cache` file) before a message is made from them. The type makes this table
 * match `CodeParams` exactly: a code or a parameter added there and not here does not compile.
 */
const PARAM_SHAPES: { readonly [C in Code]: Shapes<CodeParams[C]> } = {
  'not-utf8': { byte: 'number' },
  'file-too-large': { size: 'number?', limit: 'number' },
  'yaml-error': { detail: 'string' },
  'yaml-multiple-documents': {},
  'yaml-unclosed': { open: 'string', close: 'string' },
  'yaml-over-indented': { key: 'string' },
  'yaml-colon-in-text': {},
  'yaml-alias': { alias: 'string', count: 'number' },
  'yaml-too-deep': { limit: 'number' },
  'control-character': { char: 'string' },
  'truncated-text': { comment: 'string' },
  'yaml-unresolved-tag': { tag: 'string' },
  'empty-file': {},
  'schema-required': { what: 'string', property: 'string' },
  'schema-unknown-property': { what: 'string', property: 'string', suggestion: 'string?', hint: 'string?' },
  'schema-type': { name: 'string', expected: 'string', actual: 'string', hint: 'string?' },
  'schema-const': { name: 'string', expected: 'string', actual: 'string' },
  'schema-enum': { name: 'string', value: 'string', allowed: 'string[]' },
  'schema-id-pattern': { value: 'string' },
  'schema-date': { value: 'string' },
  'schema-url': { value: 'string' },
  'schema-empty-text': { name: 'string' },
  'schema-min-items': { name: 'string', min: 'number' },
  'schema-other': { name: 'string', detail: 'string' },
  'duplicate-id': { id: 'string', first: 'number' },
  'uses-unreadable': { path: 'string', detail: 'string' },
  'uses-outside': { path: 'string' },
  'uses-cycle': { cycle: 'string' },
  'uses-invalid': { path: 'string', count: 'number' },
  'document-unreadable': { path: 'string', detail: 'string' },
  'document-outside': { path: 'string' },
  'unknown-source': { id: 'string', suggestion: 'string?', file: 'string?', unused: 'string[]?', moreUnused: 'number?' },
  'unknown-claim': { id: 'string', field: 'string', suggestion: 'string?', file: 'string?', unused: 'string[]?', moreUnused: 'number?' },
  'ambiguous-id': { id: 'string', definitions: 'string[]', qualified: 'string[]' },
  'unknown-file': { id: 'string', name: 'string', count: 'number' },
  'not-a-source': { id: 'string' },
  'not-a-claim': { id: 'string', field: 'string' },
  'undercut-without-link': { parent: 'string' },
  'undercut-top-level-targets': {},
  'unsupported-none': { name: 'string', kind: 'string' },
  'unsupported-unsourced-evidence': { name: 'string', kind: 'string' },
  'unsupported-reasons': { name: 'string', kind: 'string', supporters: 'string' },
  'unsupported-circular': { name: 'string', kind: 'string' },
  'unsupported-linked': { name: 'string', kind: 'string', needs: 'string' },
  'linked-repeated-premise': { name: 'string' },
  'linked-answer-not-undercut': { list: 'string', target: 'string' },
  'linked-undercut-premise': {},
  'linked-single-premise': { item: 'string' },
  'circular-support': { cycle: 'string', length: 'number' },
  'unsourced-evidence': {},
  'unused-source': { id: 'string' },
  'unanswered-counterpoint': { name: 'string' },
  'self-attack': { name: 'string' },
  'contradictory-relation': { from: 'string', to: 'string' },
  'conceded-rebutted': { name: 'string' },
  'duplicate-claim': { first: 'number' },
  'quote-not-in-document': { document: 'string', closest: 'string?' },
  'directive-unknown-rule': { rule: 'string', suggestion: 'string?' },
};

const own = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

function fits(value: unknown, shape: string): boolean {
  switch (shape.replace('?', '')) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** Whether `code` is a known code and `params` exactly the parameters it takes (nothing more). */
export function validParams(code: unknown, params: unknown): boolean {
  if (typeof code !== 'string' || !own(PARAM_SHAPES, code)) return false;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return false;
  const shapes = PARAM_SHAPES[code as Code] as Record<string, string>;
  for (const key of Object.keys(params)) if (!own(shapes, key)) return false;
  return Object.entries(shapes).every(([key, shape]) => {
    const value = (params as Record<string, unknown>)[key];
    return value === undefined ? shape.endsWith('?') : fits(value, shape);
  });
}
