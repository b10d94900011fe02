import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { formatCompact } from '../../src/format/compact';
import { formatStylish } from '../../src/format/stylish';
import { resolveDiagnostics, totals } from '../../src/format/resolve';
import { decode } from '../../src/load/read';
import { checkSource } from '../../src/pipeline/check-source';
import { chalkFor } from '../../src/util/terminal';
import { ROOT, tempDir } from '../helpers/cli';

/**
 * The code blocks of docs/format.md and README.md are checked against what argmap does, so the docs
 * cannot drift from the behaviour:
 *
 * - a complete YAML example (it has an `argmap:` line) checks clean, unless its output is shown;
 * - a ```console block `$ argmap check <name>` shows exactly what argmap prints for the example it
 *   refers to (normally the YAML block right before it);
 * - a YAML fragment is valid YAML and is an excerpt of the op-ed file or of a complete example.
 *
 * Everything runs in-process: the same steps as `argmap check --no-color <name>` for one file (decode,
 * check, resolve, compact format), with the SourceFile named as the console block names the file.
 */

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const OPED = 'arguments/south-korea-arms-to-ukraine.yaml';

interface Block {
  lang: string;
  /** The block's text, without the indentation of its fences, ending with a newline. */
  body: string;
  /** 1-based line of the opening fence. */
  line: number;
  start: number;
  end: number;
}

/** The fenced code blocks of a Markdown text, including those indented inside list items. */
function codeBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const m of markdown.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```$/gm)) {
    const indent = m[1]!.length;
    const body = m[3]!
      .split('\n')
      .map((l) => l.slice(indent))
      .join('\n');
    const line = markdown.slice(0, m.index).split('\n').length;
    blocks.push({ lang: m[2]!, body, line, start: m.index, end: m.index + m[0].length });
  }
  return blocks;
}

/**
 * What `argmap check --no-color [--format compact] <name>` prints for a file named `name` holding
 * `text`: the default (stylish) format, or compact.
 */
function check(name: string, text: string, format: 'stylish' | 'compact' = 'stylish', space = 'docs'): string {
  const decoded = decode(name, new TextEncoder().encode(text));
  // A file of a workspace example (a block headed `# file: <name>`) is checked where the docs' other
  // named files are, so that its `uses` and `document.file` find them.
  const folder = workspaces.get(space);
  const options = folder !== undefined && FILE_HEADER.test(text) ? { absolute: join(folder, name), root: folder } : {};
  const report = decoded.ok ? checkSource(decoded.source, options) : { source: decoded.source, diagnostics: decoded.diagnostics };
  const resolved = [{ file: name, source: report.source, diagnostics: resolveDiagnostics(report) }];
  return format === 'compact'
    ? formatCompact(resolved, totals(resolved), chalkFor(0))
    : formatStylish(resolved, totals(resolved), chalkFor(0));
}

/** The diagnostics of a file, resolved to line and column. */
function diagnostics(name: string, text: string) {
  const decoded = decode(name, new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(`${name} is not UTF-8`);
  return resolveDiagnostics(checkSource(decoded.source));
}

const CLEAN = '✔ 1 file checked: no problems\n';

/** A block that is one file of a workspace example starts with `# file: <path>`. */
const FILE_HEADER = /^# file: (\S+)\n/;

/** The folders the named files of a document's workspace examples are written to (before the tests run). */
const workspaces = new Map<string, string>();

/** Writes every block headed `# file: <path>` (YAML, or a ```text document) to one folder. */
function writeWorkspace(blocks: readonly Block[], space = 'docs'): void {
  const workspace = workspaces.get(space) ?? tempDir('argmap-docs-');
  workspaces.set(space, workspace);
  for (const block of blocks) {
    const name = FILE_HEADER.exec(block.body)?.[1];
    if (name === undefined) continue;
    const body = block.lang === 'yaml' ? block.body : block.body.slice(block.body.indexOf('\n') + 1);
    mkdirSync(dirname(join(workspace, name)), { recursive: true });
    writeFileSync(join(workspace, name), body);
  }
}

const isComplete = (b: Block | undefined): boolean => b?.lang === 'yaml' && /^argmap:/m.test(b.body);

/** Non-empty, non-comment lines, trimmed: what an excerpt must keep, in order. */
const contentLines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));

function isSubsequence<T>(small: readonly T[], big: readonly T[], same: (a: T, b: T) => boolean): boolean {
  let j = 0;
  for (const item of big) if (j < small.length && same(item, small[j]!)) j++;
  return j === small.length;
}

/**
 * Whether `part` is a part of `node` as YAML reads them: a mapping with some of the node's keys
 * (and the same values), a sequence with some of its items in order, or an equal scalar.
 */
function isPartOf(part: unknown, node: unknown): boolean {
  if (Array.isArray(part)) return Array.isArray(node) && isSubsequence(part, node, isDeepStrictEqual);
  if (part !== null && typeof part === 'object') {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return false;
    const map = node as Record<string, unknown>;
    return Object.entries(part).every(([k, v]) => k in map && isDeepStrictEqual(v, map[k]));
  }
  return isDeepStrictEqual(part, node);
}

/** Whether `part` is a part of `data` or of any node inside it. */
function occursIn(part: unknown, data: unknown): boolean {
  if (isPartOf(part, data)) return true;
  if (data !== null && typeof data === 'object') return Object.values(data).some((v) => occursIn(part, v));
  return false;
}

describe('docs/format.md: every code block matches what argmap does', () => {
  const doc = read('docs/format.md');
  const oped = read(OPED);
  const blocks = codeBlocks(doc);
  writeWorkspace(blocks);
  const complete = blocks.filter(isComplete);
  /** Only blank lines between two blocks: the second is the first's output. */
  const adjacent = (a: Block | undefined, b: Block) => a !== undefined && doc.slice(a.end, b.start).trim() === '';
  const commandOf = (b: Block) => /^\$ argmap check (?:--format compact )?(\S+)\n/.exec(b.body)?.[1];
  const formatOf = (b: Block) => (/^\$ argmap check --format compact /.test(b.body) ? 'compact' : 'stylish');
  const expectedOutput = (b: Block) => b.body.slice(b.body.indexOf('\n') + 1);
  /** Console blocks that directly follow the complete example they show the output of. */
  const paired = blocks.filter((b, i) => b.lang === 'console' && isComplete(blocks[i - 1]) && adjacent(blocks[i - 1], b));

  it('has the code blocks this test knows how to check', () => {
    expect(blocks.length).toBeGreaterThan(40);
    expect(blocks.every((b) => b.lang === 'yaml' || b.lang === 'console' || (b.lang === 'text' && FILE_HEADER.test(b.body)))).toBe(true);
  });

  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    const next = blocks[i + 1];
    /** The complete example right before this block (there may be prose in between). */
    const example = isComplete(previous) ? previous : undefined;

    if (isComplete(block)) {
      if (next?.lang === 'console' && adjacent(block, next)) {
        it(`line ${block.line}: complete example, shown with its output at line ${next.line}`, () => {
          // The comparison itself is the test of the console block.
          expect(commandOf(next)).toMatch(/\.yaml$/);
        });
      } else {
        it(`line ${block.line}: complete example, checks clean`, () => {
          expect(check(FILE_HEADER.exec(block.body)?.[1] ?? 'example.yaml', block.body)).toBe(CLEAN);
        });
      }
      return;
    }

    if (block.lang === 'text') return; // a document text, written to the workspace above

    if (block.lang === 'yaml') {
      it(`line ${block.line}: fragment, valid YAML and an excerpt of the op-ed file or a complete example`, () => {
        const parsed = parseDocument(block.body, { uniqueKeys: true, strict: true });
        expect(parsed.errors.map((e) => e.message)).toEqual([]);
        const sources = [oped, ...complete.map((c) => c.body)];
        const lines = contentLines(block.body);
        const asExcerpt = sources.some((s) => isSubsequence(lines, contentLines(s), (a, b) => a === b));
        // Failing that, the fragment may write the same data another way: §4.4 shows the long form
        // of `targets: [fares-keep-riders-away]`, which is the same data in other lines.
        const asData = () => {
          const data: unknown = parsed.toJS();
          return sources.some((s) => occursIn(data, parseDocument(s).toJS()));
        };
        expect(asExcerpt || asData(), 'not found in the op-ed file or in a complete example').toBe(true);
      });
      return;
    }

    it(`line ${block.line}: console output`, () => {
      const name = commandOf(block);
      expect(name, 'a console block starts with `$ argmap check <file>`').toBeDefined();
      const prose = previous ? doc.slice(previous.end, block.start) : '';

      let text: string;
      if (example && adjacent(example, block)) {
        text = example.body; // the usual case: the output of the example right above
      } else if (example && prose.includes(`Save the file as \`${name}\``)) {
        text = example.body; // §1: the prose saves the example under a name, then checks it
      } else if (/a tab in place of the first two spaces of line/.test(prose)) {
        // §10.1 describes its tab example instead of showing it: `trees.yaml` (the first complete
        // example of §10) with a tab in place of the first two spaces of the line it names and quotes.
        const [, n, quoted] = /a tab in place of the first two spaces of line (\d+)\s*\(`([^`]+)`\)/.exec(prose) ?? [];
        const base = blocks.find((b) => b.start > doc.indexOf('\n## 10.') && isComplete(b));
        const lines = base!.body.split('\n');
        const index = Number(n) - 1;
        expect(lines[index], 'the line the prose quotes').toBe(quoted);
        lines[index] = lines[index]!.replace(/^ {2}/, '\t');
        text = lines.join('\n');
      } else {
        // A repeat (§1 and §4.3 show a message again, pointing to the example in §10): it must be
        // identical to a console block that follows its example, where it is checked.
        const original = paired.find((p) => p.body === block.body);
        expect(original, 'a console block not after its example repeats one that is').toBeDefined();
        return;
      }
      expect(check(name!, text, formatOf(block))).toBe(expectedOutput(block));
    });
  });
});

describe('README.md', () => {
  const readme = read('README.md');
  const blocks = codeBlocks(readme);

  it('the format example: no errors, and a warning exactly on each line commented `argmap warns`', () => {
    const heading = readme.indexOf('\n## The format, by example\n');
    expect(heading).toBeGreaterThan(0);
    const example = blocks.find((b) => b.start > heading && b.lang === 'yaml');
    expect(isComplete(example)).toBe(true);
    const flagged = example!.body.split('\n').flatMap((l, i) => (/#.*\bargmap warns\b/.test(l) ? [i + 1] : []));
    expect(flagged.length).toBeGreaterThan(0);
    const found = diagnostics('example.yaml', example!.body).map((d) => ({ line: d.line, severity: d.severity, rule: d.rule }));
    expect(found).toEqual(flagged.map((line) => ({ line, severity: 'warning', rule: 'unsupported-claim' })));
  });

  it('the two-file example: each file checks clean where the other is', () => {
    const named = blocks.filter((b) => b.lang === 'yaml' && FILE_HEADER.test(b.body));
    expect(named.map((b) => FILE_HEADER.exec(b.body)![1])).toEqual(['sources.yaml', 'reply.yaml']);
    writeWorkspace(named, 'readme');
    for (const b of named) expect(check(FILE_HEADER.exec(b.body)![1]!, b.body, 'stylish', 'readme')).toBe(CLEAN);
  });

  it('the usage example: `argmap check` on the bundled arguments/ folder', () => {
    const usage = blocks.find((b) => b.lang === 'console' && b.body.startsWith('$ argmap check\n'));
    expect(usage).toBeDefined();
    // With no path, argmap checks arguments/, which holds the op-ed file alone.
    const output = usage!.body.slice(usage!.body.indexOf('\n') + 1);
    expect(check(OPED, read(OPED))).toBe(output);
  });
});
