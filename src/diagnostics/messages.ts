/**
 * Every diagnostic's wording, in one place (as publint keeps it). Rules and stages report a typed
 * code with its parameters; the sentence is made here, when the diagnostic is formatted.
 * Messages lead with the problem, then say what was expected.
 */

/** The parameters each diagnostic code carries. */
export interface CodeParams {
  // yaml-syntax
  'not-utf8': { byte: number };
  'file-too-large': { size?: number; limit: number };
  'yaml-error': { detail: string };
  'yaml-multiple-documents': Record<string, never>;
  'yaml-unclosed': { open: string; close: string };
  'yaml-over-indented': { key: string };
  'yaml-colon-in-text': Record<string, never>;
  'yaml-alias': { alias: string; count: number };
  'yaml-too-deep': { limit: number };
  'control-character': { char: string };
  // truncated-text
  'truncated-text': { comment: string };
  'yaml-unresolved-tag': { tag: string };
  // schema
  'empty-file': Record<string, never>;
  'schema-required': { what: string; property: string };
  'schema-unknown-property': { what: string; property: string; suggestion?: string; hint?: UnknownPropertyHint };
  'schema-type': { name: string; expected: string; actual: string; hint?: 'one-source' };
  'schema-const': { name: string; expected: string; actual: string };
  'schema-enum': { name: string; value: string; allowed: string[] };
  'schema-id-pattern': { value: string };
  'schema-date': { value: string };
  'schema-url': { value: string };
  'schema-empty-text': { name: string };
  'schema-min-items': { name: string; min: number };
  'schema-other': { name: string; detail: string };
  // used-file
  'uses-unreadable': { path: string; detail: string };
  'uses-outside': { path: string };
  'uses-cycle': { cycle: string };
  'uses-invalid': { path: string; count: number };
  // document-file
  'document-unreadable': { path: string; detail: string };
  'document-outside': { path: string };
  // duplicate-id
  'duplicate-id': { id: string; first: number };
  // unknown-reference
  'unknown-source': { id: string; suggestion?: string; file?: string } & UnusedIds;
  'unknown-claim': { id: string; field: string; suggestion?: string; file?: string } & UnusedIds;
  'not-a-source': { id: string };
  'not-a-claim': { id: string; field: string };
  'ambiguous-id': { id: string; definitions: string[]; qualified: string[] };
  'unknown-file': { id: string; name: string; count: number };
  // undercut-without-link
  'undercut-without-link': { parent: string };
  'undercut-top-level-targets': Record<string, never>;
  // linked-group
  'linked-repeated-premise': { name: string };
  'linked-answer-not-undercut': { list: 'counterpoints' | 'rebuttals'; target: string };
  'linked-undercut-premise': Record<string, never>;
  // single-premise-group
  'linked-single-premise': { item: string };
  // unsupported-claim
  'unsupported-none': { name: string; kind: string };
  'unsupported-unsourced-evidence': { name: string; kind: string };
  'unsupported-reasons': { name: string; kind: string; supporters: string };
  'unsupported-circular': { name: string; kind: string };
  /** `needs`: what its linked groups lack, as `needsText` says it. */
  'unsupported-linked': { name: string; kind: string; needs: string };
  // circular-support
  'circular-support': { cycle: string; length: number };
  // unsourced-evidence
  'unsourced-evidence': Record<string, never>;
  // unused-source
  'unused-source': { id: string };
  // unanswered-counterpoint
  'unanswered-counterpoint': { name: string };
  // self-attack
  'self-attack': { name: string };
  // contradictory-relation
  'contradictory-relation': { from: string; to: string };
  // conceded-rebutted
  'conceded-rebutted': { name: string };
  // duplicate-claim
  'duplicate-claim': { first: number };
  // quote-not-in-document
  'quote-not-in-document': { document: string; closest?: string };
  // directive
  'directive-unknown-rule': { rule: string; suggestion?: string };
}

/**
 * Why an unknown property is there, when it is a known mistake: a source's field written on evidence,
 * `undercut` on a `ref` item among counterpoints or rebuttals.
 */
export type UnknownPropertyHint = 'source-field' | 'ref-undercut';

/** Ids defined but named by no reference: a renamed id's new name is among them. */
export interface UnusedIds {
  unused?: string[];
  /** How many more there are than `unused` names. */
  moreUnused?: number;
}

export type Code = keyof CodeParams;

/** Why a claim is unsupported (as `analyses/support.ts` decides it), by name. */
export type UnsupportedWhy = 'none' | 'unsourced-evidence' | 'unsupported-reasons' | 'unsupported-linked' | 'circular';

/**
 * What a linked group needs: all of its premises (their names, listed), of which these lack support
 * (and why; the first few, and how many more).
 */
export interface LinkedNeed {
  premises: string;
  lacking: Array<{ name: string; why: UnsupportedWhy }>;
  more: number;
}

const LACKS: Record<UnsupportedWhy, string> = {
  none: 'rests on nothing',
  'unsourced-evidence': 'has evidence that cites no source',
  'unsupported-reasons': 'rests only on unsupported claims',
  'unsupported-linked': 'lacks support for premises of its own',
  circular: 'rests only on circular support',
};

/**
 * "needs all of `a`, `b`; `b` rests on nothing": what a claim supported only through linked groups
 * lacks, each group in turn ("— or all of ..." for the next).
 */
export function needsText(needs: readonly LinkedNeed[]): string {
  return needs
    .map((need) => {
      const lacking = need.lacking.map((l) => `${l.name} ${LACKS[l.why]}`);
      if (need.more > 0) lacking.push(`${need.more} more lack support`);
      return `all of ${need.premises}; ${lacking.join('; ')}`;
    })
    .map((text, i) => (i === 0 ? `needs ${text}` : `or ${text}`))
    .join(' — ');
}
export type Params<C extends Code> = CodeParams[C];

/** What a message may ask of the file it is about: the line:column of an offset. */
export interface MessageContext {
  at(offset: number): string;
}

const code = (s: string) => `\`${s}\``;
const listAnd = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const didYouMean = (s?: string) => (s ? `; did you mean ${code(s)}?` : '');
const renamed = (p: UnusedIds, what: string) =>
  p.unused?.length
    ? `; if it was renamed, ${what}: ${p.unused.map(code).join(', ')}${p.moreUnused ? ` (and ${p.moreUnused} more)` : ''}`
    : '';
const UNKNOWN_PROPERTY_HINT: Record<UnknownPropertyHint, (property: string) => string> = {
  'source-field': (property) => `: ${code(property)} belongs to the source; put it on the source that \`source:\` names`,
  'ref-undercut': () =>
    ': a `ref` item cannot carry `undercut` (a reference always attacks the claim it names); to undercut here, write the claim here in full with `undercut: true`, and `ref` it from where it was',
};

const messages: { [C in Code]: (p: CodeParams[C], ctx: MessageContext) => string } = {
  'not-utf8': (p) => `not UTF-8 text: invalid byte sequence at byte ${p.byte} (argument files are UTF-8 YAML)`,
  'file-too-large': (p) =>
    `file too large: ${p.size === undefined ? 'it holds more than' : `${p.size} bytes is over`} the limit of ${p.limit} bytes (raise it with --max-file-size)`,
  'yaml-error': (p) => `YAML syntax error: ${p.detail}`,
  'yaml-unclosed': (p) => `unclosed ${code(p.open)}: this flow collection is never closed with ${code(p.close)}`,
  'yaml-over-indented': (p) =>
    `bad indentation: ${code(p.key)} is indented deeper than the keys around it, so YAML reads it as part of the value above`,
  'yaml-colon-in-text': () =>
    'colon in unquoted text: YAML reads `: ` inside a plain value as the start of a key; put the text in quotes, or write it as a block with `>-`',
  'yaml-multiple-documents': () =>
    'several YAML documents in one file: an argument file holds one document (remove this `---` or `...`, or split the file)',
  'yaml-alias': (p) =>
    `YAML alias ${code(p.alias)} is not allowed in argument files: write a claim once with an \`id\` and reuse it with \`ref\`${p.count > 1 ? ` (${p.count} aliases in the file)` : ''}`,
  'yaml-too-deep': (p) => `nesting too deep: more than ${p.limit} levels of YAML mappings and lists (a real argument needs a few dozen)`,
  'control-character': (p) =>
    `control character ${p.char} in the file: argument files are plain text (write escapes such as \\e inside double quotes instead)`,
  'yaml-unresolved-tag': (p) => `unsupported YAML tag ${code(p.tag)}: argument files use plain YAML values only`,

  'truncated-text': (p) =>
    `text cut short by a comment: ${code(p.comment)} after this value is a YAML comment, not text; quote the value to keep it`,
  'empty-file': () => 'empty file: an argument file needs `argmap: 1`, `title` and `recommendation`',
  'schema-required': (p) => `missing property ${code(p.property)} in ${p.what}`,
  'schema-unknown-property': (p) =>
    `unknown property ${code(p.property)} in ${p.what}${p.hint !== undefined && Object.hasOwn(UNKNOWN_PROPERTY_HINT, p.hint) ? UNKNOWN_PROPERTY_HINT[p.hint](p.property) : didYouMean(p.suggestion)}`,
  'schema-type': (p) =>
    `wrong type: ${p.name} must be ${p.expected}, not ${p.actual}${p.hint === 'one-source' ? ': one evidence item per source (write the fact again under each source)' : ''}`,
  'schema-const': (p) => `wrong value: ${p.name} must be ${p.expected}, not ${p.actual}`,
  'schema-enum': (p) => `unknown value ${code(p.value)} for ${p.name}: expected one of ${p.allowed.join(', ')}`,
  'schema-id-pattern': (p) =>
    `invalid id ${code(p.value)}: ids are kebab-case (lowercase letters and digits, words joined by single hyphens)`,
  'schema-date': (p) =>
    /^\d{4}-\d{2}(-\d{2})?$/.test(p.value)
      ? `invalid date ${code(p.value)}: no such month or day in the calendar`
      : `invalid date ${code(p.value)}: expected YYYY-MM-DD, YYYY-MM or YYYY`,
  'schema-url': (p) => `invalid URL ${code(p.value)}: expected an http:// or https:// address`,
  'schema-empty-text': (p) => `empty ${p.name}: write the claim or fact as a sentence`,
  'schema-min-items': (p) => `empty list: ${p.name} must name at least ${p.min}`,
  'schema-other': (p) => `invalid ${p.name}: ${p.detail}`,

  'uses-unreadable': (p) => `cannot use ${code(p.path)}: ${errnoText(p.detail)}`,
  'uses-outside': (p) =>
    `cannot use ${code(p.path)}: it lies outside the working folder (a used file, or the target of a symbolic link, must be inside it)`,
  'uses-cycle': (p) => `\`uses\` cycle: ${p.cycle} (a file cannot use itself, directly or through the files it uses)`,
  'uses-invalid': (p) =>
    `cannot use ${code(p.path)}: it has ${p.count === 1 ? 'an error' : `${p.count} errors`} of YAML or schema (run \`argmap check ${p.path}\`)`,
  'document-unreadable': (p) => `cannot read the document text ${code(p.path)}: ${errnoText(p.detail)}`,
  'document-outside': (p) =>
    `cannot read the document text ${code(p.path)}: it lies outside the working folder (so does the target of a symbolic link)`,
  'duplicate-id': (p, ctx) => `duplicate id ${code(p.id)}: already used at ${ctx.at(p.first)}`,

  'unknown-source': (p) =>
    `unknown source ${code(p.id)}: no source in \`sources\`${p.file !== undefined ? ` of ${p.file}` : ''} has this id${didYouMean(p.suggestion)}${renamed(p, 'sources no evidence cites')}`,
  'unknown-claim': (p) =>
    `unknown claim ${code(p.id)} in \`${p.field}\`: no claim${p.file !== undefined ? ` of ${p.file}` : ''} has this id${didYouMean(p.suggestion)}${renamed(p, 'ids nothing refers to')}`,
  'not-a-source': (p) => `${code(p.id)} is a claim, not a source: \`source\` must name an entry of \`sources\``,
  'not-a-claim': (p) => `${code(p.id)} is a source, not a claim: \`${p.field}\` must name a claim`,
  'ambiguous-id': (p) =>
    `ambiguous id ${code(p.id)}: defined in ${listAnd(p.definitions)}; qualify it with the file's name (${p.qualified.map(code).join(' or ')})`,
  'unknown-file': (p) =>
    p.count === 0
      ? `unknown file ${code(p.name)} in ${code(p.id)}: neither this file nor a file it uses is called ${code(p.name)} (without its extension)`
      : `${code(p.name)} in ${code(p.id)} names ${p.count} files this one sees: rename one of them`,

  'undercut-without-link': (p) =>
    `undercut with no link to deny: ${p.parent} is not written under a claim it supports or attacks, so \`undercut: true\` has no inference to deny (drop it to attack ${p.parent} itself)`,

  'undercut-top-level-targets': () =>
    "undercut with no link to deny: a top-level counterpoint is not written under the claim it answers; to deny a link, write the undercut under that claim's `counterpoints`",
  'linked-repeated-premise': (p) => `premise ${p.name} is listed twice in one linked group: list each premise once`,
  'linked-answer-not-undercut': (p) =>
    p.list === 'counterpoints'
      ? `a counterpoint under a linked group must be an undercut (\`undercut: true\`): it can only deny that the premises together support ${p.target}; to deny one premise, write it under that premise's \`counterpoints\``
      : `a rebuttal under a linked objection must be an undercut (\`undercut: true\`): it can only deny that the premises together tell against ${p.target}; to deny one premise, write it under that premise's \`rebuttals\``,
  'linked-undercut-premise': () =>
    'a premise cannot be an undercut: a premise of a linked group attacks its claim together with the others; drop `undercut: true`, write the undercut as a counterpoint of its own, or put `undercut: true` on the group for premises that deny a link together',
  'linked-single-premise': (p) =>
    `linked group of one premise: write it as a plain ${p.item} (\`together\` joins two or more premises that hold only jointly)`,
  'unsupported-none': (p) => `unsupported ${p.kind}: ${p.name} rests on nothing (no evidence with a source, no reasons, not an assumption)`,
  'unsupported-unsourced-evidence': (p) => `unsupported ${p.kind}: ${p.name} has evidence, but none of it cites a source`,
  'unsupported-reasons': (p) => `unsupported ${p.kind}: ${p.name} rests only on unsupported claims (${p.supporters})`,
  'unsupported-linked': (p) => `unsupported ${p.kind}: ${p.name} ${p.needs}`,
  'unsupported-circular': (p) => `unsupported ${p.kind}: ${p.name} rests only on circular support (its support leads back to itself)`,
  'circular-support': (p) =>
    p.length === 1
      ? `circular support: ${p.cycle} (a claim that supports itself)`
      : `circular support: ${p.cycle} (${p.length} claims support each other in a circle)`,
  'unsourced-evidence': () => 'evidence without a source: add `source:` naming an entry of `sources`',
  'unused-source': (p) => `unused source ${code(p.id)}: no evidence cites it`,
  'unanswered-counterpoint': (p) => `unanswered counterpoint ${p.name}: no rebuttal (mark it \`conceded: true\` if the author grants it)`,
  'self-attack': (p) => `self-attack: ${p.name} attacks itself`,
  'contradictory-relation': (p) => `contradictory relation: ${p.from} both supports and attacks ${p.to}`,
  'conceded-rebutted': (p) =>
    `conceded counterpoint ${p.name} is also rebutted: a conceded point can only be undercut (\`undercut: true\`), not denied`,
  'duplicate-claim': (p, ctx) =>
    `duplicate claim: the same text is written at ${ctx.at(p.first)}; write it once with an \`id\` and reuse it with \`ref\``,
  'quote-not-in-document': (p) =>
    `quote not in the document text ${code(p.document)}${p.closest !== undefined ? `; closest passage: “${p.closest}”` : ''}`,
  'directive-unknown-rule': (p) =>
    `unknown rule ${code(p.rule)} in an argmap-disable comment: it silences nothing${didYouMean(p.suggestion)}`,
};

export function formatMessage<C extends Code>(c: C, params: CodeParams[C], ctx: MessageContext): string {
  return messages[c](params, ctx);
}

/** An errno code in words, for messages about files. */
export function errnoText(code: string): string {
  return ERRNO[code] ?? code;
}

const ERRNO: Record<string, string> = {
  EACCES: 'permission denied (EACCES)',
  EPERM: 'operation not permitted (EPERM)',
  ELOOP: 'symbolic link loop (ELOOP)',
  EISDIR: 'is a folder (EISDIR)',
  ENAMETOOLONG: 'name too long (ENAMETOOLONG)',
  EMFILE: 'too many open files (EMFILE)',
  EIO: 'input/output error (EIO)',
  ENOENT: 'no such file or folder (ENOENT)',
  ENOTDIR: 'a part of the path is not a folder (ENOTDIR)',
  ENOSPC: 'no space left on the device (ENOSPC)',
  EROFS: 'read-only file system (EROFS)',
  EEXIST: 'something is already there (EEXIST)',
  // Refusals of read.ts, for files a file names (uses, document.file).
  'system-file': 'a system file (under /proc, /sys or /dev), which argmap never reads',
  'not-a-file': 'not a regular file',
  READONLY: 'the file is read-only; argmap does not replace a file without write permission (make it writable, or write elsewhere)',
  SYSTEM: 'a kernel file under /proc or /sys: argmap never writes there (write to a file instead)',
  DESCRIPTOR:
    'argmap writes only to the descriptors of the standard streams (/dev/stdout, /dev/stderr, /dev/fd/0 to 2); a higher one may be one of its own (write to a file instead)',
};

/** The warning when the `--cache` file could not be written: the run's results stand, the next run checks every file. */
export function cacheNotWrittenMessage(path: string, code: string): string {
  return `cannot write the cache ${path}: ${errnoText(code)}; results were not cached, so the next run checks every file again`;
}

/** Wording for path arguments that yield no file (these have no line:column). */
export function pathProblemMessage(problem: { input: string; code: string; detail?: string; within?: string }): string {
  switch (problem.code) {
    case 'not-found':
      return `${problem.input}: no such file or folder`;
    case 'no-argument-files':
      return `${problem.input}: folder holds no argument files (*.yaml, *.yml)`;
    case 'no-match':
      return `${problem.input}: pattern matches no file`;
    case 'unreadable':
      return `${problem.input}: cannot read: ${ERRNO[problem.detail ?? ''] ?? problem.detail ?? 'unknown error'}`;
    case 'not-a-file':
      return `${problem.input}: not a regular file (a device, pipe or socket is never read)`;
    case 'system-file':
      return `${problem.input}: not read: it leads to ${problem.detail ?? 'a system file'}, and files under /proc, /sys and /dev are never read`;
    case 'link-outside':
      return `${problem.input}: not read: a symbolic link to ${problem.detail ?? 'a file'}, outside ${problem.within ?? 'the folder searched'} (the folder searched, or its git repository); name the file itself to read it`;
    case 'link-hidden':
      return `${problem.input}: not read: a symbolic link to ${problem.detail ?? 'a file'}, in a hidden file or folder or node_modules, which are never searched; name the file itself to read it`;
    default:
      return `${problem.input}: ${problem.detail ?? problem.code}`;
  }
}

/** Why a claim is unsupported, as `argmap unsupported` and the outline say it. */
export const UNSUPPORTED_WHY = {
  none: 'no support at all: no evidence with a source, no reasons, not an assumption',
  'unsourced-evidence': 'its evidence cites no source',
  'unsupported-reasons': 'only unsupported support: every claim that supports it is itself unsupported',
  'unsupported-linked': 'only linked support, and a premise of each linked group lacks support',
  circular: 'only circular support: its support leads back to itself',
} as const;

/** The same, as the outline marks an unsupported claim. */
export const UNSUPPORTED_MARK = {
  none: 'rests on nothing (no evidence, no reasons, not marked as an assumption)',
  'unsourced-evidence': 'its evidence cites no source',
  'unsupported-reasons': 'every reason given for it is itself unsupported',
  'unsupported-linked': 'a premise of its linked reasons lacks support',
  circular: 'its support runs in a circle back to itself',
} as const;

/** The same, as a drawing says it after the word "unsupported" on an unsupported claim's box. */
export const UNSUPPORTED_LABEL = {
  none: 'rests on nothing',
  'unsourced-evidence': 'evidence cites no source',
  'unsupported-reasons': 'its reasons are unsupported',
  'unsupported-linked': 'a linked premise lacks support',
  circular: 'circular support',
} as const;
