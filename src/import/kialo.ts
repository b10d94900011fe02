import type { SourceFile } from '../load/source-file';
import { IdPool } from '../model/ids';
import { InterchangeError } from './errors';
import type { ImportGraph } from './import-graph';

/**
 * Kialo's text export: `Discussion Title: ...`, then one numbered line per claim (`1.` the thesis,
 * `1.1. Pro: ...`, `1.2. Con: ...`), claims that run over several lines, and `-> See 1.2.3.` lines
 * that link a claim already in the tree. Thesis → recommendation, Pro → reasons, Con → counterpoints
 * (rebuttals under a Con), links → `ref`.
 */

const CLAIM_LINE = /^(\d+(?:\.\d+)*)\.(?:\s+|$)(.*)$/;
const STANCE = /^(Pro|Con):\s*(.*)$/;
const LINK = /^->\s*See\s+(\d+(?:\.\d+)*)\.?\s*$/;

interface Entry {
  number: string;
  stance?: 'Pro' | 'Con';
  lines: string[];
  link?: { number: string; offset: number };
  offset: number;
}

export function parseKialo(source: SourceFile): ImportGraph {
  const text = source.text;
  const entries: Entry[] = [];
  let title: string | undefined;
  let offset = 0;
  let current: Entry | undefined;
  let blank = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const start = offset;
    offset += raw.length + 1;
    const trimmed = line.trim();
    const indent = line.length - line.trimStart().length;
    if (trimmed === '') {
      if (current) blank++;
      continue;
    }
    const titleMatch = /^Discussion Title:\s*(.*)$/.exec(trimmed);
    if (titleMatch && entries.length === 0 && title === undefined) {
      title = titleMatch[1]!.trim();
      if (title === '') throw InterchangeError.at(source, start + indent, 'empty discussion title');
      continue;
    }
    const m = CLAIM_LINE.exec(trimmed);
    if (m) {
      const number = m[1]!;
      let rest = m[2]!;
      const entry: Entry = { number, lines: [], offset: start + indent };
      const stance = STANCE.exec(rest);
      if (stance) {
        entry.stance = stance[1] as 'Pro' | 'Con';
        rest = stance[2]!;
      }
      const link = LINK.exec(rest.trim());
      if (link) entry.link = { number: link[1]!, offset: start + indent + m[0].indexOf('->') };
      else if (rest.trim() !== '') entry.lines.push(rest.trim());
      entries.push(entry);
      current = entry;
      blank = 0;
      continue;
    }
    if (/^\d+(?:\.\d+)+\.?(?:\s|$)/.test(trimmed) || /^\d+(?:\.\d+)*\.?\s+(?:Pro|Con)\b/.test(trimmed)) {
      throw InterchangeError.at(
        source,
        start + indent,
        `a numbered line must look like "1.2. Pro: text" or "1.2. Con: text", found "${truncate(trimmed)}"`,
      );
    }
    if (!current) {
      throw InterchangeError.at(
        source,
        start + indent,
        `expected "Discussion Title: ..." or a numbered claim such as "1. ..." or "1.1. Pro: ...", found "${truncate(trimmed)}"`,
      );
    }
    if (current.link)
      throw InterchangeError.at(source, start + indent, `text after the link "-> See ${current.link.number}." of claim ${current.number}`);
    // A claim that runs over several lines (a blank line inside it is kept as a paragraph break).
    if (blank > 0 && current.lines.length > 0) current.lines.push('');
    current.lines.push(trimmed);
    blank = 0;
  }
  if (entries.length === 0) {
    throw new InterchangeError(
      source.path,
      1,
      1,
      title === undefined
        ? 'empty Kialo file: no discussion title and no claims'
        : 'no claims: expected a thesis line "1. ..." after the discussion title',
    );
  }

  const graph: ImportGraph = { title, sources: [], claims: [], relations: [], undercuts: [], unmapped: [], mapped: [] };
  const ids = new IdPool();
  const idOf = new Map<string, string>();
  const byNumber = new Map<string, Entry>();
  const links: Entry[] = [];
  const linkRelations = new Map<Entry, number>();
  let theses = 0;
  for (const entry of entries) {
    const at = (detail: string) => InterchangeError.at(source, entry.offset, detail);
    if (byNumber.has(entry.number)) throw at(`claim ${entry.number} appears twice`);
    byNumber.set(entry.number, entry);
    const parent = entry.number.includes('.') ? entry.number.slice(0, entry.number.lastIndexOf('.')) : undefined;
    if (parent === undefined) {
      if (entry.stance) throw at(`the thesis ${entry.number}. cannot be a ${entry.stance}`);
      if (entry.link) throw at(`the thesis ${entry.number}. cannot be a link`);
      theses++;
    } else {
      if (!byNumber.has(parent)) throw at(`claim ${entry.number} comes before its parent ${parent} (or it has none)`);
      if (!entry.stance) throw at(`claim ${entry.number} needs "Pro:" or "Con:" after its number`);
    }
    if (entry.link) {
      // Resolved below, once every claim has its id; kept here so the file's order is kept.
      const parentId = idOf.get(parent!);
      if (parentId === undefined) throw at(`claim ${entry.number} is a link under a link (${parent})`);
      linkRelations.set(entry, graph.relations.length);
      graph.relations.push({ from: '', to: parentId, kind: entry.stance === 'Pro' ? 'support' : 'attack', link: true });
      links.push(entry);
      continue;
    }
    if (entry.lines.length === 0) throw at(`claim ${entry.number} has no text`);
    const text = entry.lines.join('\n');
    const id = ids.take(slugBase(text), `claim-${entry.number.replace(/\./g, '-')}`);
    idOf.set(entry.number, id);
    graph.claims.push({ id, text, origin: entry.number, evidence: [] });
    if (parent !== undefined) {
      graph.relations.push({ from: id, to: idOf.get(parent)!, kind: entry.stance === 'Pro' ? 'support' : 'attack' });
    }
  }
  for (const entry of links) {
    const target = idOf.get(entry.link!.number);
    if (target === undefined) {
      const why = byNumber.has(entry.link!.number) ? 'is itself a link' : 'is not in the file';
      throw InterchangeError.at(source, entry.link!.offset, `claim ${entry.number} links to ${entry.link!.number}, which ${why}`);
    }
    graph.relations[linkRelations.get(entry)!]!.from = target;
  }
  const pros = entries.filter((e) => e.stance === 'Pro' && !e.link).length;
  const cons = entries.filter((e) => e.stance === 'Con' && !e.link).length;
  graph.mapped.push(
    `${theses === 1 ? 'thesis' : `${theses} theses`} → recommendation; ${pros} Pro → reasons; ${cons} Con → counterpoints or rebuttals; ${links.length} "-> See" link${links.length === 1 ? '' : 's'} → ref`,
  );
  return graph;
}

function slugBase(text: string): string {
  return text.split('\n')[0]!;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
