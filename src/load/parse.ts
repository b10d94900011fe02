import {
  Composer,
  isAlias,
  isCollection,
  isMap,
  isNode,
  isScalar,
  parseDocument,
  Parser,
  Scalar,
  visit,
  YAMLParseError,
  type Alias,
  type CST,
  type Document,
  type Node,
  type YAMLError,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from './source-file';

/**
 * Collections nested deeper than this are refused before any later stage walks them: a real argument
 * nests a few dozen levels; thousands of levels are an attack on the stack. The limit must be one
 * the yaml package's composer (which recurses per level) always reaches on Node's default stack, so
 * that a file within it is read, not refused by a stack overflow: on a cold start it overflows near
 * 800 levels of flow collections (`[[[...`) and 920 of block ones, so 1000 was never reached.
 * Deeper collections are cut from the syntax tree before composing (`parseCut`), so the composer
 * never runs out of stack and the errors do not depend on the stack a thread has left.
 */
export const MAX_DEPTH = 500;

/** The document's plain data, and the YAML node each of its mappings and lists came from. */
export interface Scanned {
  /** The plain data (what `doc.toJS()` gives for a document without aliases or tags). */
  data: unknown;
  /** The YAMLMap or YAMLSeq of each object and array in `data`: where the model finds positions. */
  nodeOf: Map<object, YAMLMap | YAMLSeq>;
}

/** What one walk over the document finds before any later stage touches it. */
interface Scan extends Scanned {
  /** Each collection nested deeper than MAX_DEPTH and not inside another such. */
  tooDeep: Node[];
  /** Every alias, in document order. */
  aliases: Alias[];
  /** Unquoted values that YAML cut at a comment glued to its word (see `truncatedText`). */
  truncated: Diagnostic[];
  /** A mapping or list used as a key: `data` is then left to the yaml package's own toJS. */
  complexKey: boolean;
  /** A key equal to an earlier one of its mapping, as the yaml package's `uniqueKeys` would report it. */
  duplicateKeys: YAMLError[];
}

/** Mappings up to this size look for a repeated key by comparing keys; larger ones keep a Set. */
const SMALL_MAP = 16;

/**
 * The yaml package's duplicate-key error, found here instead of by the parser: its `uniqueKeys`
 * compares each key with every earlier one, quadratic in a mapping's size (20,000 keys: 3.8 s).
 * The same test (scalar keys with equal values; NaN equals nothing), at the key's first character.
 */
function duplicateKeys(items: unknown[], out: YAMLError[]): void {
  const values: unknown[] = [];
  const seen = items.length > SMALL_MAP ? new Set<unknown>() : undefined;
  for (const item of items) {
    const key = (item as { key: unknown }).key;
    if (!isScalar(key)) continue;
    const value = key.value;
    if (typeof value === 'number' && Number.isNaN(value)) continue;
    const repeated = seen ? seen.has(value) : values.includes(value);
    if (repeated) {
      const at = key.range?.[0] ?? 0;
      out.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
    } else if (seen) seen.add(value);
    else values.push(value);
  }
}

/** Sets a property as data, even `__proto__`: parsed keys never touch a prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown) {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * One iterative walk (no recursion: depth is what it guards against) in document order that builds
 * the plain data for the schema and finds nesting depth, aliases and truncated text, so the document
 * is walked once, not four times. The data equals `doc.toJS()` for what argument files may hold
 * (no aliases, no custom tags, no merge keys).
 */
function scan(root: unknown, text: string): Scan {
  const result: Scan = { data: null, nodeOf: new Map(), aliases: [], truncated: [], complexKey: false, duplicateKeys: [], tooDeep: [] };
  const holder: Record<string, unknown> = {};
  const stack: Array<[node: unknown, depth: number, parent: Record<string, unknown> | unknown[] | undefined, key: string | number]> = [
    [root, 1, holder, 'data'],
  ];
  while (stack.length > 0) {
    const [node, depth, parent, key] = stack.pop()!;
    let value: unknown = null;
    if (isAlias(node)) {
      result.aliases.push(node);
    } else if (isScalar(node)) {
      const found = truncatedText(node, text);
      if (found) result.truncated.push(found);
      value = node.value;
    } else if (isCollection(node)) {
      if (depth > MAX_DEPTH) {
        // Not walked into (the file is refused), but the rest is: its repeated keys are reported too.
        result.tooDeep.push(node);
        continue;
      }
      const items = node.items as unknown[];
      if (isMap(node)) {
        duplicateKeys(items, result.duplicateKeys);
        const object: Record<string, unknown> = {};
        value = object;
        result.nodeOf.set(object, node);
        // Keys are assigned in order now (so the data keeps the file's order); values fill in later.
        const keys: string[] = [];
        for (const item of items) {
          const pair = item as { key: unknown };
          // As the yaml package's toJS names keys: an empty or null key is "", a scalar its string.
          const raw = isScalar(pair.key) ? pair.key.value : pair.key;
          if (isCollection(raw)) result.complexKey = true;
          // A collection key's String() is what the schema sees too (complexKey reports it).
          // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as the yaml package names it
          const k = raw === null || raw === undefined ? '' : String(raw);
          keys.push(k);
          setOwn(object, k, null);
        }
        for (let i = items.length - 1; i >= 0; i--) {
          const pair = items[i] as { key: unknown; value: unknown };
          stack.push([pair.value, depth + 1, object, keys[i]!]);
          stack.push([pair.key, depth + 1, undefined, 0]);
        }
      } else {
        const array: unknown[] = new Array(items.length).fill(null);
        value = array;
        result.nodeOf.set(array, node);
        for (let i = items.length - 1; i >= 0; i--) stack.push([items[i], depth + 1, array, i]);
      }
    }
    if (parent === undefined) continue;
    if (Array.isArray(parent)) parent[key as number] = value;
    else setOwn(parent, key as string, value);
  }
  result.data = holder.data;
  return result;
}

function syntaxError<C extends Diagnostic['code']>(
  code: C,
  span: { start: number; end: number },
  params: Diagnostic<C>['params'],
): Diagnostic {
  return { rule: 'yaml-syntax', code, severity: 'error', span, params };
}

export interface ParsedFile {
  source: SourceFile;
  /** The YAML document: its nodes carry the offsets every later stage reports at. */
  doc: Document.Parsed;
  /** The plain data (for the schema); undefined when the file could not be read as YAML. */
  data: unknown;
  /** The walk's own data and nodes (for the model), when the file was read as YAML. */
  scanned?: Scanned;
  diagnostics: Diagnostic[];
}

function fromYamlError(error: YAMLError, text: string): Diagnostic {
  let [start, end] = error.pos;
  // Point at the token, not at the indentation before it (but at a tab, when the tab is the fault).
  if (error.code !== 'TAB_AS_INDENT') while (text[start] === ' ') start++;
  const span = { start, end: Math.max(start + 1, end) };
  if (error.code === 'MULTIPLE_DOCS') {
    return { rule: 'yaml-syntax', code: 'yaml-multiple-documents', severity: 'error', span, params: {} };
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    // `text: Housing matters: it keeps...`: the second `: ` starts a key inside a plain value.
    const lineEnd = text.indexOf('\n', start);
    const rest = text.slice(start, lineEnd === -1 ? undefined : lineEnd);
    const colon = rest.search(/:(\s|$)/);
    if (colon > 0) {
      const at = start + colon;
      return { rule: 'yaml-syntax', code: 'yaml-colon-in-text', severity: 'error', span: { start: at, end: at + 1 }, params: {} };
    }
  }
  if (/call stack/i.test(error.message)) {
    return { rule: 'yaml-syntax', code: 'yaml-too-deep', severity: 'error', span, params: { limit: MAX_DEPTH } };
  }
  if (error.code === 'TAG_RESOLVE_FAILED') {
    const tag = /tag:yaml\.org,2002:(\S+)/.exec(error.message)?.[1];
    const shown = tag ? `!!${tag}` : (/Unresolved tag: (\S+)/.exec(error.message)?.[1] ?? 'tag');
    return { rule: 'yaml-syntax', code: 'yaml-unresolved-tag', severity: 'error', span, params: { tag: shown } };
  }
  const detail = error.message.split('\n')[0]!.replace(/\.$/, '');
  return { rule: 'yaml-syntax', code: 'yaml-error', severity: 'error', span, params: { detail: lowerFirst(detail) } };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/**
 * The document's errors as diagnostics. An unclosed `[` or `{` is reported where it opens (the parser
 * notices it only lines later), and the errors that follow from it inside the same block are dropped:
 * one fault, one message.
 */
/**
 * A key indented deeper than its siblings continues the plain value on the line above, and the
 * parser complains about that value ("implicit keys need to be on a single line"). The fault is the
 * key on the last line of the span: report it there, once.
 */
function overIndentedKey(error: YAMLError, text: string): Diagnostic | undefined {
  if (error.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  const [from, to] = error.pos;
  const lastBreak = text.lastIndexOf('\n', to - 1);
  if (lastBreak < from) return undefined;
  let start = lastBreak + 1;
  while (start < to && text[start] === ' ') start++;
  const key = text.slice(start, to).trim();
  if (!/^[^\s:#\-[{][^:#]*$/.test(key)) return undefined;
  return {
    rule: 'yaml-syntax',
    code: 'yaml-over-indented',
    severity: 'error',
    span: { start, end: to },
    params: { key },
  };
}

function syntaxDiagnostics(doc: Document.Parsed, text: string): Diagnostic[] {
  const errors = doc.errors;
  const unclosed = errors.filter((e) => /end with an? [\]}]/.test(e.message));
  const fixes: Array<{ error: YAMLError; diagnostic: Diagnostic; from: number; to: number }> = [];
  if (unclosed.length > 0) {
    visit(doc, {
      Collection(_key, node, path) {
        if (!node.flow || !node.range) return;
        const error = unclosed.find((e) => e.pos[0] === node.range![1]);
        if (!error) return;
        const start = node.range[0];
        const isSeq = /sequence/i.test(error.message);
        // The enclosing block collection: cascading errors inside it are the same fault.
        const parents = path.filter((p) => isNode(p) && isCollection(p) && !(p as { flow?: boolean }).flow);
        const parent = parents[parents.length - 1] as { range?: [number, number, number] } | undefined;
        fixes.push({
          error,
          diagnostic: {
            rule: 'yaml-syntax',
            code: 'yaml-unclosed',
            severity: 'error',
            span: { start, end: start + 1 },
            params: isSeq ? { open: '[', close: ']' } : { open: '{', close: '}' },
          },
          from: start,
          to: parent?.range?.[1] ?? error.pos[1],
        });
      },
    });
  }
  // A tab in the indentation confuses the parser about every line after it: report the tabs, and
  // none of the errors that follow from them.
  const firstTab = errors.find((e) => e.code === 'TAB_AS_INDENT')?.pos[0];
  const remaining = errors.filter(
    (e) =>
      !fixes.some((f) => f.error !== e && e.pos[0] >= f.from && e.pos[0] <= f.to) &&
      (firstTab === undefined || e.code === 'TAB_AS_INDENT' || e.pos[0] < firstTab),
  );
  // An over-indented key is one fault, though the parser reports it twice from the value above.
  const overIndented = new Map<number, Diagnostic>();
  for (const error of remaining) {
    const d = overIndentedKey(error, text);
    if (d) overIndented.set(error.pos[0], d);
  }
  const out: Diagnostic[] = [];
  for (const error of remaining) {
    const fix = fixes.find((f) => f.error === error);
    if (fix) out.push(fix.diagnostic);
    else if (overIndented.has(error.pos[0])) {
      if (error.code === 'MULTILINE_IMPLICIT_KEY') out.push(overIndented.get(error.pos[0])!);
    } else out.push(fromYamlError(error, text));
  }
  return out;
}

/** The options every argument file is parsed with (see `parse`). */
const OPTIONS = { prettyErrors: false, uniqueKeys: false, merge: false, strict: true, logLevel: 'error' } as const;

/**
 * `parseDocument`, with every collection nested deeper than MAX_DEPTH cut from the syntax tree
 * before the composer sees it; their offsets are added to `cuts`, in document order (or to `silent`,
 * inside a too-deep mapping that `scan` reports).
 *
 * The yaml package's parser (text to syntax tree) is a loop, but its composer (tree to document)
 * recurses per level, and where it runs out of stack it records an error and leaves that collection
 * empty. Where that happens depends on how much stack is left: on a cold start or a warm one, in the
 * main thread or a worker (whose stack is larger), so the same file gave different errors at
 * different columns, or fewer of them. Cut at a fixed depth, the composer never nears the end of
 * the stack, and each too-deep collection is one error where it starts, in every thread.
 */
function parseCut(text: string, cuts: number[], silent: number[]): Document.Parsed {
  const tokens = Array.from(new Parser().parse(text));
  for (const token of tokens) if (token.type === 'document') cutTooDeep(token, cuts, silent);
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          next.range.slice(0, 2) as [number, number],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return doc!;
}

/**
 * Replaces each collection of a document's syntax tree that lies deeper than MAX_DEPTH by an error
 * token (the composer reads it as an empty value), counting depth as `scan` does: the document's
 * value is level 1; a key and a value are one level below their mapping, an item one below its
 * list, and a `key: value` pair written inside a flow list (`[a: b]`, a mapping of its own) two.
 * A loop over a stack: the tree can be any number of levels deep.
 */
function cutTooDeep(document: CST.Document, cuts: number[], silent: number[]): void {
  type Slot = { holder: { key?: unknown; value?: unknown }; field: 'key' | 'value'; depth: number };
  const stack: Slot[] = [{ holder: document, field: 'value', depth: 1 }];
  while (stack.length > 0) {
    const { holder, field, depth } = stack.pop()!;
    const token = holder[field] as CST.Token | null | undefined;
    if (!token || (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection')) continue;
    if (depth > MAX_DEPTH) {
      if (depth !== Infinity) cuts.push(token.offset);
      else silent.push(token.offset);
      const placeholder: CST.ErrorToken = { type: 'error', offset: token.offset, source: '', message: 'nested too deep' };
      holder[field] = placeholder;
      continue;
    }
    const pairsInList = token.type === 'flow-collection' && token.start.source === '[';
    // Pushed last item first, so items are visited (and cuts found) in document order.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i]! as { key?: unknown; sep?: unknown; value?: unknown };
      const pair = pairsInList && (item.key !== undefined || item.sep !== undefined);
      // A pair's own mapping too deep is `scan`'s to report (it is no token here): what it holds
      // is cut all the same, or the composer would recurse into it, but not reported again.
      const below = pair && depth + 1 > MAX_DEPTH ? Infinity : depth + (pair ? 2 : 1);
      stack.push({ holder: item, field: 'value', depth: below });
      stack.push({ holder: item, field: 'key', depth: below });
    }
  }
  cuts.sort((a, b) => a - b);
}

/**
 * Parses one YAML document, keeping every node's source range. Syntax errors and warnings become
 * diagnostics; `data` is produced only from a document without errors.
 */
export function parse(source: SourceFile): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed;
  /** Where collections nested too deep start: cut from the syntax tree before it is composed. */
  const cuts: number[] = [];
  const silent: number[] = [];
  try {
    // logLevel 'error': the yaml package never prints; everything it finds becomes a diagnostic.
    // uniqueKeys off: `scan` finds repeated keys in linear time (see `duplicateKeys`).
    doc = parseCut(source.text, cuts, silent);
  } catch (error) {
    // The parser recurses per nesting level: a hostile file can exhaust the stack.
    if (error instanceof RangeError) {
      const empty = parseDocument('', OPTIONS);
      diagnostics.push(syntaxError('yaml-too-deep', { start: 0, end: 0 }, { limit: MAX_DEPTH }));
      return { source, doc: empty, data: undefined, diagnostics };
    }
    throw error;
  }
  // The walk runs on a document with errors too: its repeated keys are errors of the parse.
  const found = scan(doc.contents, source.text);
  for (const error of found.duplicateKeys) doc.errors.push(error);
  // Each collection cut for being too deep is one error, where it starts (the composer's own
  // error for the placeholder left there is that same fault).
  if (cuts.length > 0 || silent.length > 0) {
    const cut = new Set([...cuts, ...silent]);
    doc.errors = doc.errors.filter((e) => !(e.code === 'UNEXPECTED_TOKEN' && cut.has(e.pos[0])));
  }
  // Loops, not push(...list): a spread passes every item as an argument, and a file can have more
  // findings than a call can take arguments (about 120,000).
  for (const d of syntaxDiagnostics(doc, source.text)) diagnostics.push(d);
  for (const warning of doc.warnings) diagnostics.push(fromYamlError(warning, source.text));
  // Too deep: what was cut from the syntax tree, and what `scan` finds (a `key: value` pair in a
  // flow list is a mapping of its own, not a token of the tree).
  const deepAt = [...cuts, ...found.tooDeep.map((node) => node.range?.[0] ?? 0)].sort((a, b) => a - b);
  for (const start of deepAt) diagnostics.push(syntaxError('yaml-too-deep', { start, end: start + 1 }, { limit: MAX_DEPTH }));
  if (diagnostics.length > 0) return { source, doc, data: undefined, diagnostics };

  // Aliases are refused before any expansion: argument files reuse a claim with `ref`, and an
  // alias can be a bomb (billions of expansions) or a loop (a node inside itself).
  const first = found.aliases[0];
  if (first) {
    const start = first.range?.[0] ?? 0;
    const span = { start, end: first.range?.[1] ?? start };
    diagnostics.push(syntaxError('yaml-alias', span, { alias: `*${first.source}`, count: found.aliases.length }));
    return { source, doc, data: undefined, diagnostics };
  }

  for (const d of found.truncated) diagnostics.push(d);
  // A collection as a key (never valid in an argument file) is named as the yaml package names it
  // for the schema; the model reads only plain keys, and keeps the walk's data and nodes.
  const data: unknown = found.complexKey ? doc.toJS() : found.data;
  return { source, doc, data, scanned: { data: found.data, nodeOf: found.nodeOf }, diagnostics };
}

/**
 * The plain data and nodes of a document (the walk `parse` does), for building a model from a
 * document parsed elsewhere (tests). Aliases read as null, as `parse` refuses them.
 */
export function scanDocument(doc: Document): Scanned {
  const { data, nodeOf } = scan(doc.contents, '');
  return { data, nodeOf };
}

/**
 * `text: The #1 reason` is the text "The" and a comment: YAML starts a comment at any ` #`. A comment
 * glued to its word (`#1`, `#hashtag`) after an unquoted value was almost certainly meant as text,
 * and would be lost without a word: warn, and say how to keep it.
 */
function truncatedText(node: Scalar, text: string): Diagnostic | undefined {
  if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range) return undefined;
  const end = node.range[1];
  if (text[end] !== ' ' && text[end] !== '\t') return undefined;
  const match = /^[ \t]+#(?=[^\s#!])/.exec(text.slice(end, end + 200));
  if (!match) return undefined;
  const start = end + match[0].length - 1;
  const lineEnd = text.indexOf('\n', start);
  const comment = text.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  if (/^#\s*argmap-disable/.test(comment)) return undefined;
  return {
    rule: 'truncated-text',
    code: 'truncated-text',
    severity: 'warning',
    span: { start, end: start + comment.length },
    params: { comment: comment.length > 40 ? `${comment.slice(0, 40)}…` : comment },
  };
}
