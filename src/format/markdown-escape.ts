/**
 * Making untrusted text from an argument file safe to place in GitHub-flavoured Markdown: it must
 * read as the same words, and never become a link, an image, HTML, a table, a heading, a list or a
 * code block. Tested against cmark-gfm (GitHub's renderer) with its autolink extension.
 */

/** Line breaks and other whitespace: collapsed to one space, so text stays on its line. */
const WHITESPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
/** Whitespace that collapsing would change: anything but a single plain space (most text has none). */
const UNUSUAL_WHITESPACE = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]| {2}/;

/** Control characters (ANSI escapes included) and bidirectional overrides (Trojan Source). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Characters with a meaning in (GitHub-flavoured) Markdown wherever they stand. */
const SPECIAL = /[\\`*_[\]<>#|~&$]/g;
/**
 * Anything `escapeMarkdown` changes after neutralising: a special character, `://`, `www.`, `@`, or a
 * leading list, heading or break marker. Most text has none, and is then returned as it is.
 */
const NEEDS_ESCAPE = /[\\`*_[\]<>#|~&$@]|:\/\/|\bwww\.|^(?:\d{1,9}[.)]|[-+=])/i;

/**
 * Everything that could make `escapeMarkdown` change a text, in one test: unusual whitespace, the
 * ends `trim` would cut, control characters, and (broader than NEEDS_ESCAPE) what may need escaping.
 * Most text has none of it and is returned as it is after this one scan.
 */
const MAYBE_CHANGED = // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  /[\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028-\u202f\u205f\u2066-\u2069\u3000\ufeff\\`*_[\]<>#|~&$@]| {2}|^[-+= \d]| $|:\/\/|www\./i;

/**
 * Neutralises control characters: each is shown as its code point, `\u{1b}`, the way the terminal
 * output shows it (`safeText`), so nothing hidden reaches the reader and nothing is interpreted.
 * Whitespace (line breaks included) is collapsed to single spaces, and the ends are trimmed.
 */
function neutralise(text: string): string {
  const trimmed = (UNUSUAL_WHITESPACE.test(text) ? text.replace(WHITESPACE, ' ') : text).trim();
  return HAS_CONTROL.test(trimmed) ? trimmed.replace(CONTROL, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`) : trimmed;
}

/**
 * Escapes text for use inline in Markdown: after it, the text renders as itself, on one line.
 * - control characters are shown as `\u{1b}`; line breaks become spaces;
 * - `\ ` * _ [ ] < > # | ~ & $` are backslash-escaped: no emphasis, code, link, image, footnote,
 *   HTML, autolink `<…>`, heading, table cell, strikethrough, entity or math;
 * - a leading `-`, `+`, `=` or `1.` / `1)` is escaped, so the text cannot start a list, a
 *   thematic break or a setext heading, whatever it is placed after;
 * - GitHub's bare autolinks are broken: `://` becomes `\://`, `www.` becomes `www\.`, and an
 *   `@` is followed by a zero-width space (`&#8203;`), which also stops e-mail links and mentions.
 */
export function escapeMarkdown(text: string): string {
  return MAYBE_CHANGED.test(text) ? escapeMarkdownFully(text) : text;
}

/** `escapeMarkdown` without its one-scan shortcut for text it leaves alone (exported for tests). */
export function escapeMarkdownFully(text: string): string {
  const plain = neutralise(text);
  if (!NEEDS_ESCAPE.test(plain)) return plain;
  let out = plain.replace(SPECIAL, (c) => `\\${c}`);
  out = out
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '@&#8203;');
  const ordered = /^(\d{1,9})([.)])/.exec(out);
  if (ordered) out = `${ordered[1]}\\${ordered[2]}${out.slice(ordered[0].length)}`;
  else if (/^[-+=]/.test(out)) out = `\\${out}`;
  return out;
}

/**
 * A code span showing `text` verbatim (after neutralising control characters and line breaks): the
 * fence is one backtick longer than the longest run of backticks inside, so the text cannot close it.
 */
export function codeSpan(text: string): string {
  return text === '' || MAYBE_CHANGED.test(text) ? codeSpanFully(text) : `\`${text}\``;
}

/** `codeSpan` without its one-scan shortcut (exported for tests). */
export function codeSpanFully(text: string): string {
  const inner = neutralise(text);
  if (inner === '') return '` `';
  let longest = 0;
  if (inner.includes('`')) for (const run of inner.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/**
 * A URL fit to be a link target, or `undefined` when it is not an http(s) URL. Characters that could
 * end the destination or start a title (`(`, `)`, `<`, `>`, quotes, spaces), backslashes (which
 * Markdown would read as escapes) and control characters are percent-encoded.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (!/^https?:\/\//.test(trimmed)) return undefined;
  // eslint-disable-next-line no-control-regex
  return trimmed.replace(/[\u0000-\u0020\u007f-\u00a0\u2028\u2029\u202a-\u202e\u2066-\u2069()<>"'\\`]/g, (c) =>
    c.charCodeAt(0) < 0x80 ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(c),
  );
}

/** A Markdown link to `url` with `label`, or the URL as escaped text marked `(not linked)` if unsafe. */
export function markdownLink(label: string, url: string): string {
  const target = safeUrl(url);
  return target === undefined ? `${escapeMarkdown(url)} (not linked)` : `[${escapeMarkdown(label)}](${target})`;
}

/**
 * Plain text that names ids in backticks (as `evaluate`'s reasons do: "attacked by counterpoint
 * `x`, which is in") as Markdown: each backticked name a code span, the rest escaped.
 */
export function ticksToMarkdown(text: string): string {
  return text
    .split(/`([^`]*)`/)
    .map((part, i) => {
      if (i % 2 === 1) return codeSpan(part);
      // Escaping trims; the spaces around a code span stay.
      const [, lead, body, trail] = /^( *)([\s\S]*?)( *)$/.exec(part)!;
      return `${lead}${escapeMarkdown(body!)}${trail}`;
    })
    .join('');
}
