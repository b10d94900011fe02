import type { ResolvedDiagnostic } from '../diagnostics/diagnostic';
import type { FileResult } from './stylish';

/**
 * Makes text safe in XML 1.0 content and attribute values: the five special characters become
 * entities, characters XML 1.0 cannot carry at all (controls other than tab, line feed and
 * carriage return, lone surrogates, U+FFFE/U+FFFF) become a visible `\u{…}`, and those a terminal
 * or a CI log would act on become character references.
 */
export function escapeXml(text: string): string {
  return (
    text
      .replace(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`,
      )
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Tabs and line breaks (which XML would turn into spaces in an attribute), C1 controls and
      // bidirectional overrides as character references: the same text to an XML reader, never a raw
      // line break or escape sequence in a log; the `#` of a CI log command (`##[`, `##vso[`) too.
      .replace(/[\t\n\r\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|#(?=#(?:vso)?\[)/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

function testcase(file: string, d: ResolvedDiagnostic): string {
  const name = `${d.line}:${d.column} ${d.rule}: ${d.message}`;
  const open = `    <testcase${attributes({ classname: file, name, file, line: d.line, time: 0 })}`;
  const detail = `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message} (${d.rule}, ${d.code})`;
  if (d.severity === 'error') {
    return `${open}>\n      <failure${attributes({ message: d.message, type: d.rule })}>${escapeXml(detail)}</failure>\n    </testcase>`;
  }
  // Warnings and notes do not fail the run; they are kept, as output, on a passing test case.
  return `${open}>\n      <system-out>${escapeXml(detail)}</system-out>\n    </testcase>`;
}

/**
 * JUnit XML, as CI servers read it: one `<testsuite>` per file, one `<testcase>` per problem
 * (errors as `<failure>`, warnings and notes as output of a passing case), and one passing
 * `argmap check` case for a file with no problem, so every file is counted.
 */
export function formatJunit(files: readonly FileResult[]): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of files) {
    const cases = file.diagnostics.map((d) => testcase(file.file, d));
    if (cases.length === 0) {
      cases.push(`    <testcase${attributes({ classname: file.file, name: 'argmap check', file: file.file, time: 0 })}/>`);
    }
    const fileFailures = file.diagnostics.filter((d) => d.severity === 'error').length;
    tests += cases.length;
    failures += fileFailures;
    suites.push(
      `  <testsuite${attributes({ name: file.file, tests: cases.length, failures: fileFailures, errors: 0, skipped: 0, time: 0 })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  const root = `<testsuites${attributes({ name: 'argmap check', tests, failures, errors: 0, time: 0 })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}
