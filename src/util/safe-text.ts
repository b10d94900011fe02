/**
 * Text from argument files (and their names) made safe to show: on a terminal, in a CI log, in JSON.
 * No dependencies, so the start-up code can use it without loading colour support.
 */

/** Shows a character as its code point, `\u{1b}`: visible, never interpreted. */
const visible = (c: string) => `\\u{${c.codePointAt(0)!.toString(16)}}`;

/**
 * Neutralises text from an argument file before it reaches a terminal: control characters
 * (escape sequences included), C1 controls (U+0080 to U+009F: CSI, OSC...) and bidirectional
 * overrides are shown as visible code points, never interpreted. Tabs and line breaks are kept.
 */
export function safeText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, visible);
}

/**
 * `safeText` for what must stay on one line: a file name, a message. Tabs and line breaks (also
 * U+2028 and U+2029) are shown as code points too, so a name cannot end a line and start another
 * that a reader (or a CI runner) takes for something argmap wrote.
 */
export function safeLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, visible);
}

/**
 * Makes text output inert for CI logs, whose runners obey commands written in the log: GitHub
 * Actions a line whose first non-blank characters are `::` (`::error file=…::`, `::add-mask::`,
 * `::stop-commands::`), and anywhere in a line the older `##[command]` form and Azure Pipelines'
 * `##vso[…]`. Text from a file that would form one has its first `:` or `#` shown as a code point
 * (`\u{3a}`, `\u{23}`); argmap's own output never starts such a line (`--format github`, whose
 * lines are meant as commands, escapes its values instead). One pass, linear in the text.
 */
export function inertLines(text: string): string {
  return text.replace(/^([^\S\r\n]*):(?=:)|#(?=#(?:vso)?\[)/gm, (_match, blank: string | undefined) =>
    blank === undefined ? visible('#') : `${blank}${visible(':')}`,
  );
}

/**
 * JSON for output: `JSON.stringify` with two spaces, then the characters it leaves raw that a
 * terminal or a CI log would act on written as JSON escapes (`\u009b`, `\u202e`, `\u0023` for the
 * `#` of `##[`): the same data for any JSON reader, inert on a screen. These characters can only
 * occur inside strings, where an escape means the same character.
 */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2)
    .replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/#(?=#(?:vso)?\[)/g, '\\u0023');
  return `${json}\n`;
}
