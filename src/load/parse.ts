import { isCollection, isNode, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from './source-file';

/** YAML aliases expanded at most this many times per alias (the `yaml` package's own guard). */
export const MAX_ALIAS_COUNT = 100;

export interface ParsedFile {
  source: SourceFile;
  /** The YAML document: its nodes carry the offsets every later stage reports at. */
  doc: Document.Parsed;
  /** The plain data (for the schema); undefined when the file could not be read as YAML. */
  data: unknown;
  diagnostics: Diagnostic[];
}

function fromYamlError(error: YAMLError): Diagnostic {
  const [start, end] = error.pos;
  const span = { start, end: Math.max(start, end) };
  if (error.code === 'MULTIPLE_DOCS') {
    return { rule: 'yaml-syntax', code: 'yaml-multiple-documents', severity: 'error', span, params: {} };
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
function syntaxDiagnostics(doc: Document.Parsed): Diagnostic[] {
  const errors = doc.errors;
  const unclosed = errors.filter((e) => /end with an? [\]}]/.test(e.message));
  if (unclosed.length === 0) return errors.map(fromYamlError);
  const fixes: Array<{ error: YAMLError; diagnostic: Diagnostic; from: number; to: number }> = [];
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
  const out: Diagnostic[] = [];
  for (const error of errors) {
    const fix = fixes.find((f) => f.error === error);
    if (fix) out.push(fix.diagnostic);
    else if (!fixes.some((f) => error.pos[0] >= f.from && error.pos[0] <= f.to)) out.push(fromYamlError(error));
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
      diagnostics.push({ rule: 'yaml-syntax', code: 'yaml-too-deep', severity: 'error', span: { start: 0, end: 0 }, params: {} });
      return { source, doc: empty, data: undefined, diagnostics };
    }
    throw error;
  }
  diagnostics.push(...syntaxDiagnostics(doc));
  for (const warning of doc.warnings) diagnostics.push(fromYamlError(warning));
  if (diagnostics.length > 0) return { source, doc, data: undefined, diagnostics };

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
      diagnostics.push({ rule: 'yaml-syntax', code: 'yaml-too-deep', severity: 'error', span: { start: 0, end: 0 }, params: {} });
    } else {
      throw error;
    }
    return { source, doc, data: undefined, diagnostics };
  }
  return { source, doc, data, diagnostics };
}
