import type { Analyses } from '../../analyses/index';
import type { SourceFile } from '../../load/source-file';
import { treeJson } from '../tree-json';

/** `argmap export --to json`: the argument model with positions (docs/json.md). */
export function toJson(source: SourceFile, analyses: Analyses): Record<string, unknown> {
  return { argmap: 1, format: 'argmap-json', version: 1, ...treeJson(source, analyses) };
}
