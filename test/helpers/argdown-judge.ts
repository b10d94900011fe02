import {
  ArgdownApplication,
  DataPlugin,
  IEquivalenceClass,
  ModelPlugin,
  ParserPlugin,
  StatementRole,
  type IArgdownResponse,
  type IArgument,
  type IEquivalenceClass as Statement,
} from '@argdown/core';
import type { ArgumentGraph, Edge } from '../../src/model/types';

/**
 * Reads Argdown text with Argdown's own parser and model builder (@argdown/core, the pipeline its
 * own tests run: ParserPlugin on `parse-input`, DataPlugin and ModelPlugin on `build-model`) and
 * says what Argdown understood, in terms that can be compared with an argmap graph:
 *
 * - `statements`: the text of every statement, except the conclusions that exist only inside an
 *   argument (a statement all of whose occurrences are main conclusions): those carry an inference;
 * - `relations`: one line per relation as Argdown reads it: `kind from → to`. An argument stands for
 *   its premises; a premise–conclusion argument supports its main conclusion (Argdown's reading: the
 *   map draws it so), unless that conclusion exists only inside it, in which case the conclusion's
 *   own relations are the argument's; an undercut is aimed at an argument's inference, written as
 *   `undercut u → [the relation that inference carries]`.
 */
export interface ArgdownReading {
  errors: string[];
  statements: string[];
  relations: string[];
}

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');

function parseArgdown(input: string): IArgdownResponse {
  return app.run({ process: ['parse-input', 'build-model'], input, logLevel: 'none' });
}

/** Whitespace as Argdown keeps it is not meaning: runs of spaces are one, ends trimmed. */
const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

export function readArgdown(input: string): ArgdownReading {
  const r = parseArgdown(input);
  const errors = [...(r.lexerErrors ?? []), ...(r.parserErrors ?? [])].map((e) => String((e as { message?: string }).message ?? e));
  for (const e of r.exceptions ?? []) errors.push(String(e));
  const statements = r.statements ?? {};
  const args = r.arguments ?? {};
  const textOf = (s: Statement) => norm(IEquivalenceClass.getCanonicalMemberText(s) ?? '');
  const internal = (s: Statement) => s.members.length > 0 && s.members.every((m) => m.role === StatementRole.MAIN_CONCLUSION);
  // Which argument a statement is the main conclusion of.
  const concludedBy = new Map<string, IArgument>();
  for (const a of Object.values(args)) {
    const main = a.pcs?.[a.pcs.length - 1];
    if (main?.title !== undefined) concludedBy.set(main.title, a);
  }
  const premises = (a: IArgument) => {
    const ps = (a.pcs ?? []).filter((s) => s.role === StatementRole.PREMISE).map((s) => textOf(statements[s.title!]!));
    return ps.length === 0 ? `<${a.title}>` : ps.sort().join(' & ');
  };
  type Node = { type?: string; title?: string; argumentTitle?: string };
  const end = (node: Node): string => {
    if (node.type === 'argument') return premises(args[node.title!]!);
    const s = statements[node.title!]!;
    return internal(s) ? premises(concludedBy.get(node.title!)!) : textOf(s);
  };
  const all = r.relations ?? [];
  const describe = (rel: (typeof all)[number]): string => {
    const to = rel.to as Node;
    if (rel.relationType !== 'undercut') return `${rel.relationType} ${end(rel.from as Node)} → ${end(to)}`;
    const target = args[(to.type === 'inference' ? to.argumentTitle : to.title)!];
    return `undercut ${end(rel.from as Node)} → [${target ? carried(target) : '?'}]`;
  };
  // The relation an argument's inference carries: support of its conclusion, or, when the
  // conclusion exists only inside it, that conclusion's one relation.
  const carried = (a: IArgument): string => {
    const main = a.pcs?.[a.pcs.length - 1];
    if (!main) return `<${a.title}>`;
    const s = statements[main.title!]!;
    if (!internal(s)) return `support ${premises(a)} → ${textOf(s)}`;
    const out = all.filter((rel) => (rel.from as Node).title === main.title && (rel.from as Node).type !== 'argument').map(describe);
    return out.length === 1 ? out[0]! : `<${a.title}: ${out.length} relations>`;
  };
  const relations = all.map(describe);
  for (const a of Object.values(args)) {
    const main = a.pcs?.[a.pcs.length - 1];
    if (main && !internal(statements[main.title!]!)) relations.push(`support ${premises(a)} → ${textOf(statements[main.title!]!)}`);
  }
  return {
    errors,
    statements: Object.values(statements)
      .filter((s) => !internal(s))
      .map(textOf)
      .sort(),
    relations: relations.sort(),
  };
}

/** The same reading of an argmap graph: claims and evidence, and every support, attack and undercut. */
export function argmapReading(graph: ArgumentGraph): Omit<ArgdownReading, 'errors'> {
  // A linked group (a linked undercut too) is one relation from all its premises together (each premise once).
  const from = (e: Edge): string =>
    e.group ? [...new Set(e.group.premises.map((p) => norm(p.text)))].sort().join(' & ') : norm(e.from.text);
  const relation = (e: Edge): string =>
    e.kind === 'undercut' ? `undercut ${from(e)} → [${relation(e.to)}]` : `${e.kind} ${from(e)} → ${norm(e.to.text)}`;
  const once = graph.edges.filter((e) => !e.group || e.group.edges[0] === e);
  return {
    statements: [...graph.claims.map((c) => norm(c.text)), ...graph.evidence.map((e) => norm(e.text))].sort(),
    relations: [...once.map(relation), ...graph.evidence.map((e) => `support ${norm(e.text)} → ${norm(e.claim.text)}`)].sort(),
  };
}
