import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkFiles } from '../../src/pipeline/check-files';
import { tempDir } from '../helpers/cli';
import { runInProcess } from '../helpers/in-process';

/**
 * Issue 20's properties of `argmap rename`, on generated workspaces of one to three argument files
 * (a sources file, a piece that uses it, a reply that uses the piece) with sources, claims, `ref`s,
 * `targets`, linked groups, evidence, qualified `file#id` references, references that resolve to
 * nothing, comments and free text that mention ids, and every way YAML lets an id be written (plain,
 * quoted, escaped, tagged, block scalars, flow sequences and mappings). The rename runs through the
 * CLI's own `main` in this process, the checks through the pipeline's `checkFiles`:
 *
 * - the files after `rename A B` are the files before with exactly the characters of each
 *   occurrence of A replaced by B (quoted where A was plain and YAML would read B plain as a number
 *   or a boolean; an escaped scalar: the whole scalar by B double-quoted);
 * - their data is the data before with every definition of A and every reference that named it
 *   renamed, and nothing else changed;
 * - `check` finds the same problems, at the same places moved by the length change, naming B where
 *   it named A;
 * - `rename B A` gives back the original bytes (where neither step had to add quotes);
 * - a new id that exists, that is not an id, or that a reference names in vain (it would then name
 *   A) is refused, and nothing changes.
 *
 * FUZZ_RUNS raises the number of runs.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 120);
/** A run takes ~50 ms; shrinking a failure stops at half the time, to report it rather than time out. */
const TIMEOUT = Math.max(120_000, RUNS * 1_000);

// ----- generators --------------------------------------------------------------------------------

type Style = 'plain' | 'single' | 'double' | 'escaped' | 'tagged' | 'block';

/** How one id is written: its scalar style, the character an escape replaces, a comment after it. */
interface Written {
  style: Style;
  at: number;
  spaces: number;
  comment: string | undefined;
}

const written: fc.Arbitrary<Written> = fc.record({
  style: fc.constantFrom<Style>('plain', 'plain', 'plain', 'single', 'double', 'escaped', 'tagged', 'block'),
  at: fc.nat(),
  spaces: fc.constantFrom(1, 1, 2, 5),
  comment: fc.option(fc.constantFrom('# note', '#', '# was {id}', '#{id}'), { nil: undefined }),
});

/**
 * A reference: to the n-th id of its kind that the file sees (unqualified, or qualified with the
 * defining file's name when that is another file), to an id nothing defines, or qualified with a
 * file nothing is called.
 */
interface Pick {
  n: number;
  form: 'local' | 'qualified' | 'dangling' | 'elsewhere';
  how: Written;
}

const pick: fc.Arbitrary<Pick> = fc.record({
  n: fc.nat(),
  form: fc.constantFrom<Pick['form']>('local', 'local', 'local', 'qualified', 'dangling', 'elsewhere'),
  how: written,
});

interface NodeSpec {
  id: boolean;
  idHow: Written;
  idLast: boolean;
  assumption: boolean;
  /** Evidence items: a source reference, or none. */
  evidence: Array<Pick | null>;
  targets: Pick[];
  flowTargets: boolean;
  comment: boolean;
  items: ItemSpec[];
}

type PremiseSpec = { ref: Pick } | { node: NodeSpec };

type ItemSpec =
  | { kind: 'ref'; list: number; ref: Pick; flow: boolean }
  | { kind: 'node'; list: number; node: NodeSpec }
  | { kind: 'group'; list: number; premises: PremiseSpec[] };

const nodeFields = {
  id: fc.boolean(),
  idHow: written,
  idLast: fc.boolean(),
  assumption: fc.boolean(),
  evidence: fc.array(fc.option(pick, { nil: null }), { maxLength: 2 }),
  comment: fc.boolean(),
};

const leaf: fc.Arbitrary<NodeSpec> = fc.record(nodeFields).map((fields) => ({ ...fields, targets: [], flowTargets: false, items: [] }));

const { node: treeNode } = fc.letrec<{ node: NodeSpec; item: ItemSpec }>((tie) => ({
  node: fc.record({
    ...nodeFields,
    targets: fc.array(pick, { maxLength: 2 }),
    flowTargets: fc.boolean(),
    items: fc.array(tie('item'), { maxLength: 3 }),
  }),
  item: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'tree' },
    fc.record({ kind: fc.constant('ref' as const), list: fc.nat(), ref: pick, flow: fc.boolean() }),
    fc.record({ kind: fc.constant('node' as const), list: fc.nat(), node: tie('node') }),
    fc.record({
      kind: fc.constant('group' as const),
      list: fc.nat(),
      premises: fc.array(fc.oneof(fc.record({ ref: pick }), fc.record({ node: leaf })), { minLength: 1, maxLength: 2 }),
    }),
  ),
}));

interface SourceSpec {
  how: Written;
  comment: boolean;
}

const source: fc.Arbitrary<SourceSpec> = fc.record({ how: written, comment: fc.boolean() });

interface FileSpec {
  sources: SourceSpec[];
  recommendation: NodeSpec;
  counterpoints: ItemSpec[];
  flowUses: boolean;
}

const fileSpec: fc.Arbitrary<FileSpec> = fc.record({
  sources: fc.array(source, { maxLength: 3 }),
  recommendation: treeNode,
  counterpoints: fc.array(
    treeNode.map((node): ItemSpec => ({ kind: 'node', list: 0, node })),
    { maxLength: 2 },
  ),
  flowUses: fc.boolean(),
});

/** Ids that look alike (one inside another), that escapes can hide, and that YAML reads as other types. */
const TRICKY = ['a', 'tide', 'tide-table', 'table', '1-1', 'x31-1', 'x61', 'b2', '12', 'true', 'null', '1e3', '0x1f', 'on', 'no'];
const kebab = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,3}$/), { minLength: 1, maxLength: 3 })
  .map((words) => words.join('-'))
  .filter((id) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id));
const anId = fc.oneof(fc.constantFrom(...TRICKY), kebab);

interface WorkspaceSpec {
  /** 1: piece.yaml alone; 2: sources.yaml and the piece that uses it; 3: and a reply that uses the piece. */
  layout: 1 | 2 | 3;
  shared: SourceSpec[];
  piece: FileSpec;
  reply: FileSpec;
  ids: string[];
  /** Which files start with `%YAML 1.1` (where `no` and `on` are booleans). */
  yaml11: boolean[];
  /** Definitions that take the id of an earlier one (`to` takes `from`'s): duplicates and ambiguities. */
  dupes: Array<{ to: number; from: number }>;
  /** Which files start with a byte-order mark, and which end their lines with CR LF. */
  bom: boolean[];
  crlf: boolean[];
}

const workspaceSpec: fc.Arbitrary<WorkspaceSpec> = fc.record({
  layout: fc.constantFrom<1 | 2 | 3>(1, 2, 3, 3),
  shared: fc.array(source, { minLength: 1, maxLength: 3 }),
  piece: fileSpec,
  reply: fileSpec,
  ids: fc.uniqueArray(anId, { minLength: 40, maxLength: 40 }),
  yaml11: fc.array(fc.constantFrom(false, false, false, true), { minLength: 3, maxLength: 3 }),
  dupes: fc.oneof(
    fc.constant<WorkspaceSpec['dupes']>([]),
    fc.array(fc.record({ to: fc.integer({ min: 1, max: 8 }), from: fc.nat(7) }), { maxLength: 2 }),
  ),
  bom: fc.array(fc.constantFrom(false, false, false, true), { minLength: 3, maxLength: 3 }),
  crlf: fc.array(fc.constantFrom(false, false, false, true), { minLength: 3, maxLength: 3 }),
});

// ----- writing a workspace -----------------------------------------------------------------------

/** Whether YAML (`version`) reads `value`, written plain, as that string (not `12`, `true`, `null`...). */
function plainIn(value: string, version: '1.1' | '1.2'): boolean {
  return parseYaml(value, { version }) === value;
}

/** Whether every YAML version reads `value`, written plain, as that string (rename quotes it otherwise). */
function plainSafe(value: string): boolean {
  return plainIn(value, '1.1') && plainIn(value, '1.2');
}

interface Def {
  id: string;
  file: string;
  type: 'claim' | 'source';
}

/** Where an id is written: the id's own characters, or (escaped) the whole scalar. */
interface Occurrence {
  file: string;
  start: number;
  end: number;
  /** The definition it is or names (undefined: a reference that resolves to nothing). */
  def: number | undefined;
  whole: boolean;
  /** `file#` of a qualified reference. */
  prefix: string;
  /** The id written (without the `file#`). */
  id: string;
  /** Written plain (tagged or not) and unqualified: the whole scalar is the id. */
  plain: boolean;
}

interface Workspace {
  files: Record<string, string>;
  defs: Def[];
  occurrences: Occurrence[];
  /** Ids nothing defines and no reference names: free to rename to. */
  fresh: string[];
  /** Ids nothing defines that references name (and resolve to nothing). */
  dangling: string[];
}

const FILE_NAMES = ['sources.yaml', 'piece.yaml', 'reply.yaml'];
const baseOf = (file: string) => file.replace(/\.yaml$/, '');

/** Whether a file uses files: only there does a qualified id (`piece#id`) resolve, its own name's too. */
function usesFiles(file: string, layout: number): boolean {
  return file === 'reply.yaml' || (file === 'piece.yaml' && layout >= 2);
}

/** The files each file sees: itself and what it uses, transitively. */
function seen(file: string, layout: number): string[] {
  if (file === 'sources.yaml') return ['sources.yaml'];
  if (file === 'piece.yaml') return layout >= 2 ? ['piece.yaml', 'sources.yaml'] : ['piece.yaml'];
  return ['reply.yaml', 'piece.yaml', 'sources.yaml'];
}

/**
 * Writes the workspace. Run twice: the first pass only numbers the definitions (ids in walk
 * order), so that the second can point references at any of them, forwards and across files.
 */
function write(spec: WorkspaceSpec): Workspace {
  const files = FILE_NAMES.filter((f) => (f === 'sources.yaml' ? spec.layout >= 2 : f === 'piece.yaml' || spec.layout === 3));
  let defs: Def[] = [];
  let result: Workspace | undefined;
  for (const pass of [1, 2]) {
    const known = defs;
    defs = [];
    const occurrences: Occurrence[] = [];
    const texts: Record<string, string> = {};
    let mentions = 0;
    /** An id some free text or comment mentions (any id, defined or not). */
    const mention = () => spec.ids[mentions++ % spec.ids.length]!;
    for (const file of files) {
      const crlf = spec.crlf[FILE_NAMES.indexOf(file)]!;
      let text = spec.bom[FILE_NAMES.indexOf(file)] ? '\uFEFF' : '';
      const put = (s: string) => {
        const at = text.length;
        text += crlf ? s.replaceAll('\n', '\r\n') : s;
        return at;
      };
      const visible = (type: Def['type']) =>
        known.map((d, i) => ({ d, i })).filter(({ d }) => d.type === type && seen(file, spec.layout).includes(d.file));
      const fresh = () => spec.ids.slice(known.length);

      /** Writes one id as a scalar at the end of the text; `indent`: the column its key is at. */
      const scalar = (value: { prefix: string; id: string; def: number | undefined }, how: Written, flow: boolean, indent: number) => {
        const v = value.prefix + value.id;
        let style = how.style;
        if (style === 'block' && flow) style = 'double';
        if (style === 'plain' && !plainIn(v, spec.yaml11[FILE_NAMES.indexOf(file)] ? '1.1' : '1.2')) style = 'double';
        const record = (start: number, whole = false, plain = false) =>
          occurrences.push({
            file,
            start: whole ? start : start + value.prefix.length,
            end: whole ? start + (text.length - start) : start + v.length,
            def: value.def,
            whole,
            prefix: value.prefix,
            id: value.id,
            plain: plain && value.prefix === '',
          });
        if (style === 'plain') record(put(v), false, true);
        else if (style === 'tagged') {
          put('!!str ');
          record(put(v), false, true);
        } else if (style === 'single' || style === 'double') {
          const q = style === 'single' ? "'" : '"';
          put(q);
          record(put(v));
          put(q);
        } else if (style === 'block') {
          // A header with an indentation indicator holds a digit, which an id may be.
          const header = ['|-', '>-', '|2-', '>2-'][how.at % 4]!;
          const comment = how.comment ? ` ${how.comment.replace('{id}', mention())}` : '';
          put(`${header}${comment}\n${' '.repeat(indent + 2)}`);
          record(put(v));
        } else {
          const i = value.prefix.length + (how.at % value.id.length);
          const code = v.charCodeAt(i).toString(16).padStart(2, '0');
          const escape = how.at % 2 === 0 ? `\\x${code}` : `\\u00${code}`;
          const start = put(`"${v.slice(0, i)}${escape}${v.slice(i + 1)}"`);
          record(start, true);
        }
        if (!flow && style !== 'block' && how.comment) put(`${' '.repeat(how.spaces)}${how.comment.replace('{id}', mention())}`);
      };

      /** A reference's value: the id it names and how it is qualified. */
      const target = (p: Pick, type: Def['type']) => {
        const candidates = visible(type);
        const rest = fresh();
        if (p.form === 'dangling' || candidates.length === 0) {
          return { prefix: '', id: rest[p.n % rest.length]!, def: undefined };
        }
        const { d, i } = candidates[p.n % candidates.length]!;
        if (p.form === 'elsewhere') return { prefix: 'nowhere#', id: d.id, def: undefined };
        if (p.form === 'qualified') {
          // Qualified with its own file's name, an id resolves only where the file uses files.
          const resolves = d.file !== file || usesFiles(file, spec.layout);
          return { prefix: `${baseOf(d.file)}#`, id: d.id, def: resolves ? i : undefined };
        }
        return { prefix: '', id: d.id, def: i };
      };

      const define = (type: Def['type']) => {
        const n = defs.length;
        const dupe = spec.dupes.find((d) => d.to === n && d.from < n);
        const id = dupe ? defs[dupe.from]!.id : spec.ids[n];
        if (id === undefined) return undefined;
        defs.push({ id, file, type });
        return { prefix: '', id, def: n };
      };

      const sources = (list: SourceSpec[]) => {
        if (list.length === 0) return;
        put('sources:\n');
        for (const s of list) {
          const value = define('source');
          if (!value) break;
          if (s.comment) put(`  # a source, once ${mention()}\n`);
          put('  - id: ');
          scalar(value, s.how, false, 4);
          put(`\n    speaker: Speaker of ${mention()}\n`);
        }
      };

      let claims = 0;
      /** A claim with its fields; `lead` starts its first line, `pad` is the column of its keys. */
      const node = (spec: NodeSpec, kind: 'claim' | 'attack', lead: string, pad: number) => {
        const indent = ' '.repeat(pad);
        let first = true;
        const key = (name: string) => {
          put(first ? lead : indent);
          first = false;
          put(`${name}:`);
        };
        if (spec.comment) put(`${' '.repeat(Math.max(0, pad - 2))}# about ${mention()}\n`);
        const id = spec.id ? define('claim') : undefined;
        const writeId = () => {
          if (!id) return;
          key('id');
          put(' '.repeat(spec.idHow.spaces));
          scalar(id, spec.idHow, false, pad);
          put('\n');
        };
        if (!spec.idLast) writeId();
        key('text');
        put(` Claim ${++claims} of ${baseOf(file)} is about ${mention()}.\n`);
        if (spec.idLast) writeId();
        if (spec.assumption) {
          key('assumption');
          put(' true\n');
        }
        if (spec.evidence.length > 0) {
          key('evidence');
          put('\n');
          spec.evidence.forEach((e, k) => {
            put(`${indent}  - text: Fact ${k + 1} on ${mention()}.\n`);
            if (e) {
              put(`${indent}    source: `);
              scalar(target(e, 'source'), e.how, false, pad + 4);
              put('\n');
            }
          });
        }
        if (kind === 'attack' && spec.targets.length > 0) {
          key('targets');
          if (spec.flowTargets) {
            put(' [');
            spec.targets.forEach((t, k) => {
              if (k > 0) put(t.how.spaces > 1 ? ' ,' : ', ');
              scalar(target(t, 'claim'), t.how, true, pad);
            });
            put(' ]\n');
          } else {
            put('\n');
            for (const t of spec.targets) {
              put(`${indent}  - `);
              scalar(target(t, 'claim'), t.how, false, pad + 2);
              put('\n');
            }
          }
        }
        const lists = kind === 'claim' ? ['reasons', 'risks', 'counterpoints'] : ['reasons', 'rebuttals'];
        for (const list of lists) {
          const items = spec.items.filter((item) => lists[item.list % lists.length] === list);
          if (items.length === 0) continue;
          key(list);
          put('\n');
          for (const item of items) itemOf(item, list, pad + 2);
        }
        if (first) throw new Error('a claim wrote no field');
      };

      /** One item of a list of claims, its dash at column `dash`. */
      const itemOf = (item: ItemSpec, list: string, dash: number) => {
        const lead = `${' '.repeat(dash)}- `;
        const kind = list === 'reasons' || list === 'risks' ? 'claim' : 'attack';
        if (item.kind === 'node') node(item.node, kind, lead, dash + 2);
        else if (item.kind === 'ref') {
          if (item.flow) {
            put(`${lead}{ ref: `);
            scalar(target(item.ref, 'claim'), item.ref.how, true, dash + 2);
            put(' }\n');
          } else {
            put(`${lead}ref: `);
            scalar(target(item.ref, 'claim'), item.ref.how, false, dash + 2);
            put('\n');
          }
        } else {
          put(`${lead}together:\n`);
          for (const premise of item.premises) {
            const inner = `${' '.repeat(dash + 4)}- `;
            if ('node' in premise) node(premise.node, kind, inner, dash + 6);
            else {
              put(`${inner}ref: `);
              scalar(target(premise.ref, 'claim'), premise.ref.how, false, dash + 6);
              put('\n');
            }
          }
        }
      };

      if (spec.yaml11[FILE_NAMES.indexOf(file)]) put('%YAML 1.1\n---\n');
      put(`# ${file}: generated; mentions ${mention()}\nargmap: 1\n`);
      if (file === 'sources.yaml') {
        put('title: Shared sources\n');
        sources(spec.shared);
      } else {
        const f = file === 'piece.yaml' ? spec.piece : spec.reply;
        put(`title: The ${baseOf(file)}\n`);
        const used = file === 'piece.yaml' ? (spec.layout >= 2 ? 'sources.yaml' : undefined) : 'piece.yaml';
        if (used) put(f.flowUses ? `uses: [${used}]\n` : `uses:\n  - ${used}\n`);
        sources(f.sources);
        put('recommendation:\n');
        node(f.recommendation, 'claim', '  ', 2);
        if (f.counterpoints.length > 0) {
          put('counterpoints:\n');
          for (const item of f.counterpoints) itemOf(item, 'counterpoints', 2);
        }
      }
      texts[file] = text;
    }
    if (pass === 2) {
      const named = new Set(occurrences.filter((o) => o.def === undefined).map((o) => o.id));
      const undefinedIds = spec.ids.slice(defs.length);
      result = {
        files: texts,
        defs,
        occurrences,
        fresh: undefinedIds.filter((id) => !named.has(id)),
        dangling: undefinedIds.filter((id) => named.has(id)),
      };
    }
  }
  return result!;
}

// ----- what the properties compare ---------------------------------------------------------------

/** Writes a workspace's files into `dir`, and removes the files of the last one it does not have. */
function place(dir: string, files: Record<string, string>): void {
  for (const name of FILE_NAMES) {
    if (files[name] !== undefined) writeFileSync(join(dir, name), files[name]);
    else rmSync(join(dir, name), { force: true });
  }
}

/** The text of every file of a folder named in `names`. */
function read(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** What a rename to `newId` writes over an occurrence. */
function replacement(o: Occurrence, newId: string): string {
  if (o.whole) return `"${o.prefix}${newId}"`;
  return o.plain && !plainSafe(newId) ? `"${newId}"` : newId;
}

/** Each file's text with the occurrences of the definitions `defs` replaced by `newId`. */
function expectedTexts(ws: Workspace, defs: ReadonlySet<number | undefined>, newId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, text] of Object.entries(ws.files)) {
    let result = '';
    let at = 0;
    for (const o of ws.occurrences.filter((o) => o.file === file && defs.has(o.def))) {
      result += text.slice(at, o.start) + replacement(o, newId);
      at = o.end;
    }
    out[file] = result + text.slice(at);
  }
  return out;
}

/**
 * The data of a file with id `oldId` (defined in `defFiles`) renamed to `newId`, worked out from
 * the data alone: its definitions, and each `ref`, `source` and `targets` value that names it from
 * a file that sees one of `defFiles`, plain or qualified with the file's name.
 */
function renamedData(data: unknown, file: string, defFiles: readonly string[], oldId: string, newId: string, layout: number): unknown {
  const visible = defFiles.filter((f) => seen(file, layout).includes(f));
  const rename = (value: unknown) => {
    if (visible.length === 0) return value;
    if (value === oldId) return newId;
    if (!usesFiles(file, layout)) return value;
    for (const f of visible) if (value === `${baseOf(f)}#${oldId}`) return `${baseOf(f)}#${newId}`;
    return value;
  };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'id') out[key] = defFiles.includes(file) && v === oldId ? newId : v;
      else if (key === 'ref' || key === 'source') out[key] = rename(v);
      else if (key === 'targets' && Array.isArray(v)) out[key] = v.map(rename);
      else out[key] = walk(v);
    }
    return out;
  };
  return walk(data);
}

interface Finding {
  file: string;
  rule: string;
  code: string;
  severity: string;
  start: number;
  end: number;
  params: unknown;
}

/** What `argmap check` finds in the folder's files, in process. */
async function findings(dir: string, names: readonly string[]): Promise<Finding[]> {
  const run = await checkFiles(
    names.map((name) => ({ absolute: join(dir, name), display: name })),
    { root: dir },
  );
  expect(run.problems).toEqual([]);
  // Offsets into the text after its byte-order mark, as the pipeline's: moved past it, as the test's.
  return run.reports.flatMap((report) => {
    const bom = report.source.bom ? 1 : 0;
    return report.diagnostics.map((d) => ({
      file: report.source.path,
      rule: d.rule,
      code: d.code,
      severity: d.severity,
      start: d.span.start + bom,
      end: d.span.end + bom,
      params: movedParams(d.params, (offset) => offset + bom),
    }));
  });
}

/** The line (0-based) of an offset. */
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

/** An offset of the text before the edits, in the text after them. */
function moved(offset: number, edits: ReadonlyArray<{ start: number; end: number; delta: number }>): number {
  let shift = 0;
  for (const e of edits) if (e.end <= offset) shift += e.delta;
  return offset + shift;
}

/** A parameter after the rename: the same, or the same naming `newId` where it named `oldId`. */
function sameParams(before: unknown, after: unknown, oldId: string, newId: string): boolean {
  if (typeof before === 'string' && typeof after === 'string') {
    if (before === after) return true;
    const escaped = oldId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return before.replace(new RegExp(`(?<![a-z0-9-])${escaped}(?![a-z0-9-])`, 'g'), newId) === after;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return before.length === after.length && before.every((b, i) => sameParams(b, after[i], oldId, newId));
  }
  if (before && after && typeof before === 'object' && typeof after === 'object') {
    const keys = Object.keys(before);
    return (
      isDeepStrictEqual(keys, Object.keys(after)) &&
      keys.every((k) => sameParams((before as Record<string, unknown>)[k], (after as Record<string, unknown>)[k], oldId, newId))
    );
  }
  return isDeepStrictEqual(before, after);
}

/**
 * A finding's parameters without the hints of an unknown reference (`suggestion`, `unused`,
 * `moreUnused`): the ids that look most like the unknown one, which a new id changes by design.
 */
function hintless(params: unknown): unknown {
  if (params === null || typeof params !== 'object') return params;
  const { suggestion: _s, unused: _u, moreUnused: _m, ...rest } = params as Record<string, unknown>;
  return rest;
}

/** Parameters with the offset they hold (`first`: where a duplicate was first written) moved. */
function movedParams(params: unknown, move: (offset: number) => number): unknown {
  if (params === null || typeof params !== 'object' || !('first' in params) || typeof params.first !== 'number') return params;
  return { ...params, first: move(params.first) };
}

// ----- the properties ----------------------------------------------------------------------------

/** A rename to try: which definition, the new id (from the ids nothing defines), qualified or not. */
const renameCase = fc.record({ def: fc.nat(), fresh: fc.nat(), qualify: fc.boolean() });

describe('argmap rename on generated files', () => {
  it(
    `renames exactly the id's occurrences, keeps the data and the findings, and renames back to the same bytes (${RUNS} runs)`,
    async () => {
      const dir = tempDir();
      let renamed = 0;
      await fc.assert(
        fc.asyncProperty(workspaceSpec, renameCase, async (spec, c) => {
          const ws = write(spec);
          if (ws.defs.length === 0 || ws.fresh.length === 0) return;
          const names = Object.keys(ws.files);
          const def = c.def % ws.defs.length;
          const { id: oldId, file: defFile } = ws.defs[def]!;
          const newId = ws.fresh[c.fresh % ws.fresh.length]!;
          // OLD names every definition of the id (`file#OLD`: the one of that file, when it has no
          // namesake, which would leave the references between them to sort out).
          const namesakes = new Set<number | undefined>(ws.defs.flatMap((d, i) => (d.id === oldId ? [i] : [])));
          const qualify = c.qualify && namesakes.size === 1;
          const defFiles = [...new Set(ws.defs.filter((d) => d.id === oldId).map((d) => d.file))];
          place(dir, ws.files);
          // A plain id that gains quotes takes a comment right after it (`id: a-0 #b`) out of
          // truncated-text's reach: that warning may go on those lines.
          const requotedLines = new Set(
            ws.occurrences
              .filter((o) => namesakes.has(o.def) && o.plain && !plainSafe(newId))
              .map((o) => `${o.file}:${lineOf(ws.files[o.file]!, o.start)}`),
          );
          const kept = (texts: Record<string, string>) => (f: Finding) =>
            f.rule !== 'truncated-text' || !requotedLines.has(`${f.file}:${lineOf(texts[f.file]!, f.start)}`);
          const before = (await findings(dir, names)).filter(kept(ws.files));

          const qualified = (id: string) => (qualify ? `${baseOf(defFile)}#${id}` : id);
          const result = await runInProcess(['rename', '--', qualified(oldId), newId, ...names], dir);
          expect(result.stderr).toBe('');
          expect(result.code).toBe(0);
          renamed++;
          const after = read(dir, names);

          // The data: the definition and each reference to it renamed, nothing else.
          for (const name of names) {
            const want = renamedData(parseYaml(ws.files[name]!), name, defFiles, oldId, newId, spec.layout);
            expect(parseYaml(after[name]!), name).toEqual(want);
          }

          // The bytes: exactly the id's own characters replaced.
          expect(after).toEqual(expectedTexts(ws, namesakes, newId));

          // The findings: the same, moved by the length change, naming the new id.
          const edits = ws.occurrences
            .filter((o) => namesakes.has(o.def))
            .map((o) => ({
              file: o.file,
              start: o.start,
              end: o.end,
              delta: replacement(o, newId).length - (o.end - o.start),
            }));
          const now = (await findings(dir, names)).filter(kept(after));
          expect(now.length).toBe(before.length);
          before.forEach((b, i) => {
            const a = now[i]!;
            const inFile = edits.filter((e) => e.file === b.file);
            expect({ ...a, params: undefined }).toEqual({
              ...b,
              start: moved(b.start, inFile),
              end: moved(b.end, inFile),
              params: undefined,
            });
            const expected = movedParams(hintless(b.params), (offset) => moved(offset, inFile));
            expect(sameParams(expected, hintless(a.params), oldId, newId), JSON.stringify([b.params, a.params])).toBe(true);
          });

          // And back: the original bytes, unless an escaped scalar lost its escapes or a plain one
          // gained quotes on the way.
          const back = await runInProcess(['rename', '--', qualified(newId), oldId, ...names], dir);
          expect(back.code).toBe(0);
          const mine = ws.occurrences.filter((o) => namesakes.has(o.def));
          const requoted = mine.some((o) => o.whole || (o.plain && !(plainSafe(oldId) && plainSafe(newId))));
          if (!requoted) expect(read(dir, names)).toEqual(ws.files);
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIMEOUT / 2 },
      );
      expect(renamed).toBeGreaterThan(RUNS / 2);
    },
    TIMEOUT,
  );

  it(
    `refuses a new id that is taken or is not an id, and changes nothing (${RUNS} runs)`,
    async () => {
      const dir = tempDir();
      await fc.assert(
        fc.asyncProperty(
          workspaceSpec,
          fc.nat(),
          fc.oneof(
            fc.nat(),
            fc.record({ dangling: fc.nat() }),
            fc.constantFrom('Tide', 'tide_table', '-tide', 'tide-', 'a--b', 'sources#tide', '', 'tide table'),
          ),
          async (spec, which, to) => {
            const ws = write(spec);
            if (ws.defs.length < 2) return;
            const names = Object.keys(ws.files);
            const def = which % ws.defs.length;
            const { id: oldId, file: defFile } = ws.defs[def]!;
            let newId: string;
            let code: number;
            let message = /is already an id/;
            if (typeof to === 'string') {
              newId = to;
              code = 2;
              message = /is not a valid id/;
            } else if (typeof to === 'object') {
              // An id a reference names in vain, where the renamed definition would be seen.
              const named = ws.occurrences.filter(
                (o) =>
                  o.def === undefined &&
                  seen(o.file, spec.layout).includes(defFile) &&
                  (o.prefix === '' || o.prefix === `${baseOf(defFile)}#`) &&
                  ws.dangling.includes(o.id),
              );
              if (named.length === 0) return;
              newId = named[to.dangling % named.length]!.id;
              code = 1;
              message = /is named at .* but defined nowhere/;
            } else {
              // An id defined in a file that sees the renamed one's file, or that it sees.
              const taken = ws.defs.filter(
                (d, i) => i !== def && (seen(defFile, spec.layout).includes(d.file) || seen(d.file, spec.layout).includes(defFile)),
              );
              if (taken.length === 0) return;
              newId = taken[to % taken.length]!.id;
              code = 1;
            }
            place(dir, ws.files);
            const result = await runInProcess(['rename', '--', oldId, newId, ...names], dir);
            expect(result.code).toBe(code);
            expect(result.stdout).toBe('');
            expect(result.stderr).toMatch(message);
            expect(read(dir, names)).toEqual(ws.files);
          },
        ),
        { numRuns: RUNS, interruptAfterTimeLimit: TIMEOUT / 2 },
      );
    },
    TIMEOUT,
  );
});
