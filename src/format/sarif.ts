import { createHash } from 'node:crypto';
import type { ResolvedDiagnostic, Severity } from '../diagnostics/diagnostic';
import { allRules } from '../rules/index';
import { defineStageRule, HOME_URL, type RuleMeta, type RuleSeverity } from '../rules/rule';
import type { FileResult } from './stylish';
import { jsonText } from '../util/safe-text';

/** The base the artifact URIs are relative to, as GitHub code scanning expects it. */
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** argmap's version, for `tool.driver.version`. */
  version: string;
  /**
   * Where a file (as the report names it) lies: a path relative to the repository root (POSIX
   * separators), or, for a file outside it, an absolute `file:` URI.
   */
  location: (file: string) => { relative: string } | { absoluteUri: string };
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const DEFAULT_LEVEL: Record<RuleSeverity, SarifLevel> = { error: 'error', warn: 'warning', info: 'note', off: 'none' };

function firstSentence(text: string): string {
  const m = /^(.*?[.;:])(\s|$)/.exec(text);
  return (m ? m[1]! : text).replace(/[.;:]$/, '');
}

const SEVERITY_WORD: Record<RuleSeverity, string> = { error: 'error', warn: 'warning', info: 'info', off: 'off' };

function reportingDescriptor(rule: RuleMeta) {
  const helpUri = rule.docs.url;
  const stage = rule.analysis ? ' It is an analysis rule: it runs only on files that match the schema.' : '';
  const configure = !rule.configurable
    ? 'It cannot be turned off or silenced: an unreadable file is never a silent pass.'
    : `Set its severity in argmap.config.yaml (\`rules: { ${rule.id}: error | warn | info | off }\`) or silence one line with \`# argmap-disable-next-line ${rule.id}\`.`;
  return {
    id: rule.id,
    name: rule.id
      .split('-')
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join(''),
    shortDescription: { text: firstSentence(rule.description) },
    fullDescription: { text: `${rule.description}${stage} Default severity: ${SEVERITY_WORD[rule.severity]}.` },
    help: {
      text: `${rule.description}${stage}\n\n${configure}\n\nSee ${helpUri}`,
      markdown: `**${rule.id}**: ${rule.description}${stage}\n\n${configure}\n\nSee [docs/rules.md#${rule.id}](${helpUri}).`,
    },
    helpUri,
    defaultConfiguration: { level: DEFAULT_LEVEL[rule.severity] },
    properties: { tags: ['argmap', rule.analysis ? 'analysis' : 'structure'] },
  };
}

/**
 * A fingerprint that survives lines moving: a hash of rule, file, message and the trimmed text of
 * the line (not its number; `lineKeys` gives that text). Identical problems on identical lines of one file are told apart by
 * their order, as GitHub's own `primaryLocationLineHash` does (`hash:n`).
 */
function fingerprint(d: ResolvedDiagnostic, uri: string, lineText: string): string {
  return createHash('sha256').update([d.rule, uri, d.message, lineText].join('\u0000')).digest('hex').slice(0, 32);
}

/** Lines longer than this enter fingerprints as their own hash (see `lineKeys`). */
export const LONG_LINE = 1000;

/**
 * The line text each fingerprint hashes, trimmed, computed once per line: a long line (a long flow
 * list, minified YAML) is stood for by its SHA-256, so thousands of problems on one line hash the
 * line once, not once each. Fingerprints of ordinary lines are unchanged by this.
 */
function lineKeys(lineText: (line: number) => string): (line: number) => string {
  const keys = new Map<number, string>();
  return (line) => {
    let key = keys.get(line);
    if (key === undefined) {
      key = lineText(line).trim();
      if (key.length > LONG_LINE) key = `sha256:${createHash('sha256').update(key).digest('hex')}`;
      keys.set(line, key);
    }
    return key;
  };
}

/**
 * SARIF 2.1.0 as GitHub code scanning takes it: one run, the driver with every rule (descriptions,
 * help, default level), and one result per problem with its rule, level, message, a region with
 * 1-based start and exclusive end, relative to `%SRCROOT%`, and partial fingerprints.
 */
export function formatSarif(files: readonly FileResult[], options: SarifOptions): string {
  const descriptors = allRules.map(reportingDescriptor);
  const indexOf = new Map(allRules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  for (const file of files) {
    const where = options.location(file.file);
    const artifactLocation =
      'relative' in where
        ? { uri: where.relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
        : { uri: where.absoluteUri };
    const seen = new Map<string, number>();
    const source = file.source;
    const lineKey = source ? lineKeys((n) => source.lineText(n)) : () => '';
    for (const d of file.diagnostics) {
      let ruleIndex = indexOf.get(d.rule);
      if (ruleIndex === undefined) {
        // A rule no registry lists (should not happen): describe it rather than drop the result.
        ruleIndex = descriptors.length;
        descriptors.push(reportingDescriptor(defineStageRule({ id: d.rule, severity: 'error', description: d.rule })));
        indexOf.set(d.rule, ruleIndex);
      }
      const hash = fingerprint(d, artifactLocation.uri, lineKey(d.line));
      const n = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, n);
      results.push({
        ruleId: d.rule,
        ruleIndex,
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
            },
          },
        ],
        partialFingerprints: { 'argmapProblemHash/v1': `${hash}:${n}` },
        properties: { code: d.code },
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'argmap',
            version: options.version,
            semanticVersion: options.version,
            informationUri: HOME_URL,
            rules: descriptors,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return jsonText(log);
}
