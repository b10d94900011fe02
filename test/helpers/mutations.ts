import fc from 'fast-check';

/**
 * Random mutations of an argument file, shared by the property tests (test/fuzz, test/edit): edits
 * of its bytes, and edits of its parsed data to be written back as YAML.
 */

/** Bytes that mean something to YAML. */
const SPECIAL = [...'[]{}:-#&*!|>\'"%@`,?\t\n\r \\'].map((c) => c.charCodeAt(0));

export const byteMutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...SPECIAL)),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.constantFrom(...SPECIAL) }),
);

export function applyBytes(source: Uint8Array, mutations: Array<Record<string, number | string>>): Uint8Array {
  const bytes = Array.from(source);
  for (const m of mutations) {
    const at = (m.at as number) % (bytes.length + 1);
    if (m.kind === 'insert') bytes.splice(at, 0, m.byte as number);
    else if (m.kind === 'delete') bytes.splice(at, m.length as number);
    else if (m.kind === 'replace') bytes[Math.min(at, bytes.length - 1)] = m.byte as number;
    else {
      const piece = bytes.slice(at, at + (m.length as number));
      bytes.splice((m.to as number) % (bytes.length + 1), 0, ...piece);
    }
  }
  return Uint8Array.from(bytes);
}

/** A random path into a JS value, and an edit there. */
export const structureEdit = fc.record({
  pick: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  op: fc.constantFrom('delete', 'set', 'rename', 'duplicate', 'ref', 'target', 'swap-id'),
  value: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(
      '',
      ' ',
      'interoperability',
      'legal-basis',
      'zelenskyy-brussels',
      '__proto__',
      '2024-02-30',
      'x'.repeat(5000),
      '\u202e',
      '{}',
      '[]',
    ),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('text', 'id', 'ref', 'source', 'evidnce', 'undercut', '__proto__'), fc.string(), { maxKeys: 3 }),
  ),
});

export function editStructure(root: unknown, edit: { pick: number[]; op: string; value: unknown }): unknown {
  const data = structuredClone(root) as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = data;
  let key: string | number = 'title';
  for (const step of edit.pick) {
    const container: unknown = (parent as Record<string, unknown>)[key as string];
    if (container === null || typeof container !== 'object') break;
    const keys = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    if (keys.length === 0) break;
    parent = container as Record<string, unknown>;
    key = keys[step % keys.length]!;
  }
  const target = parent as Record<string | number, unknown>;
  switch (edit.op) {
    case 'delete':
      if (Array.isArray(target)) target.splice(key as number, 1);
      else delete target[key];
      break;
    case 'set':
      target[key] = edit.value;
      break;
    case 'rename':
      if (!Array.isArray(target)) {
        target[`${String(key)}x`] = target[key];
        delete target[key];
      }
      break;
    case 'duplicate':
      if (Array.isArray(target)) target.push(structuredClone(target[key as number]));
      break;
    case 'ref':
      if (Array.isArray(target)) target.push({ ref: typeof edit.value === 'string' ? edit.value : 'legal-basis' });
      break;
    case 'target':
      if (!Array.isArray(target) && target[key] !== null && typeof target[key] === 'object')
        (target[key] as Record<string, unknown>).targets = ['interoperability', edit.value];
      break;
    case 'swap-id':
      if (!Array.isArray(target)) target.id = 'interoperability';
      break;
  }
  return data;
}
