import { isCollection, isNode, isPair, parseDocument, Scalar, visit, type Alias, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from './source-file';

/** YAML aliases expanded at most this many times per alias (the `yaml` package's own guard). */
export const MAX_ALIAS_COUNT = 100;

/**
 * Collections nested deeper than this are refused before any later stage walks them: a real argument
 * nests a few dozen levels; thousands of levels are an attack on the stack.
 */
export const MAX_DEPTH = 1000;

/** The first collection nested deeper than MAX_DEPTH, found without recursion. */
function tooDeep(root: unknown): Node | undefined {
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) return node;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push([item.value, depth + 1]);
        stack.push([item.key, depth + 1]);
      } else {
        stack.push([item, depth + 1]);
      }
    }
  }
  return undefined;
}

export interface ParsedFile {
  source: SourceFile;
  /** The YAML document: its nodes carry the offsets every later stage reports at. */
  doc: Document.Parsed;
  /** The plain data (for the schema); undefined when the file could not be read as YAML. */
  data: unknown;
  diagnostics: Diagnostic[];
}

function fromYamlError(error: YAMLError, text: string): Diagnostic {
  let [start, end] = error.pos;
  // Point at the token, not at the indentation before it.
  while (start < end && text[start] === ' ') start++;
  const span = { start, end: Math.max(start, end) };
  if (error.code === 'MULTIPLE_DOCS') {
    return { rule: 'yaml-syntax', code: 'yaml-multiple-documents', severity: 'error', span, params: {} };
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
  const remaining = errors.filter(
    (e) => !fixes.some((f) => f.error !== e && e.pos[0] >= f.from && e.pos[0] <= f.to),
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

/**
 * Parses one YAML document, keeping every node's source range. Syntax errors and warnings become
 * diagnostics; `data` is produced only from a document without errors.
 */
export function parse(source: SourceFile): ParsedFile {
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source.text, { prettyErrors: false, uniqueKeys: true, merge: false, strict: true });
  } catch (error) {
    // The parser recurses per nesting level: a hostile file can exhaust the stack.
    if (error instanceof RangeError) {
      const empty = parseDocument('');
      diagnostics.push({ rule: 'yaml-syntax', code: 'yaml-too-deep', severity: 'error', span: { start: 0, end: 0 }, params: { limit: MAX_DEPTH } });
      return { source, doc: empty, data: undefined, diagnostics };
    }
    throw error;
  }
  diagnostics.push(...syntaxDiagnostics(doc, source.text));
  for (const warning of doc.warnings) diagnostics.push(fromYamlError(warning, source.text));
  if (diagnostics.length > 0) return { source, doc, data: undefined, diagnostics };

  const deep = tooDeep(doc.contents);
  if (deep) {
    const start = deep.range?.[0] ?? 0;
    diagnostics.push({
      rule: 'yaml-syntax',
      code: 'yaml-too-deep',
      severity: 'error',
      span: { start, end: start + 1 },
      params: { limit: MAX_DEPTH },
    });
    return { source, doc, data: undefined, diagnostics };
  }

  // Aliases are refused before any expansion: argument files reuse a claim with `ref`, and an
  // alias can be a bomb (billions of expansions) or a loop (a node inside itself).
  const aliases: Alias[] = [];
  visit(doc, {
    Alias(_key, node) {
      aliases.push(node);
    },
  });
  const first = aliases[0];
  if (first) {
    const start = first.range?.[0] ?? 0;
    diagnostics.push({
      rule: 'yaml-syntax',
      code: 'yaml-alias',
      severity: 'error',
      span: { start, end: first.range?.[1] ?? start },
      params: { alias: `*${first.source}`, count: aliases.length },
    });
    return { source, doc, data: undefined, diagnostics };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      diagnostics.push({
        rule: 'yaml-syntax',
        code: 'yaml-too-many-aliases',
        severity: 'error',
        span: { start: 0, end: 0 },
        params: { limit: MAX_ALIAS_COUNT },
      });
    } else if (error instanceof RangeError) {
      diagnostics.push({ rule: 'yaml-syntax', code: 'yaml-too-deep', severity: 'error', span: { start: 0, end: 0 }, params: { limit: MAX_DEPTH } });
    } else {
      throw error;
    }
    return { source, doc, data: undefined, diagnostics };
  }
  diagnostics.push(...truncatedText(doc, source.text));
  return { source, doc, data, diagnostics };
}

/**
 * `text: The #1 reason` is the text "The" and a comment: YAML starts a comment at any ` #`. A comment
 * glued to its word (`#1`, `#hashtag`) after an unquoted value was almost certainly meant as text,
 * and would be lost without a word: warn, and say how to keep it.
 */
function truncatedText(doc: Document.Parsed, text: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== Scalar.PLAIN || typeof node.value !== 'string' || !node.range) return;
      const end = node.range[1];
      const match = /^[ \t]+#(?=[^\s#!])/.exec(text.slice(end, end + 200));
      if (!match) return;
      const start = end + match[0].length - 1;
      const lineEnd = text.indexOf('\n', start);
      const comment = text.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
      if (/^#\s*argmap-disable/.test(comment)) return;
      out.push({
        rule: 'truncated-text',
        code: 'truncated-text',
        severity: 'warning',
        span: { start, end: start + comment.length },
        params: { comment: comment.length > 40 ? `${comment.slice(0, 40)}…` : comment },
      });
    },
  });
  return out;
}
