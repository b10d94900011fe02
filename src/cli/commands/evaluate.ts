import { chainOf, evaluationJson, evaluationText, explainText, findClaim } from '../../format/evaluation';
import type { ListedFile } from '../../format/listing';
import { chalkFor, safeText } from '../../util/terminal';
import { UsageError, type CliIO } from '../io';
import { runListing, type ListingOptions } from '../listing';

export interface EvaluateOptions extends ListingOptions {
  format: 'text' | 'json';
  /** Print the whole chain behind the claim with this id (or path). */
  explain?: string;
}

/**
 * `argmap evaluate`: label every claim in / out / undecided by grounded semantics over support,
 * attack and undercut, with the reason that decided it, and say whether the recommendation stands.
 * With `--explain ID`, the chain behind one claim; an id found in no file is a usage error.
 */
export async function runEvaluate(paths: string[], options: EvaluateOptions, io: CliIO): Promise<number> {
  const id = options.explain;
  return runListing(paths, options, io, (files, color) => {
    const chalk = chalkFor(color ? 1 : 0);
    if (id === undefined) return options.format === 'json' ? evaluationJson(files) : evaluationText(files, chalk);
    const found = files.filter((f) => findClaim(f.analyses.graph.claims, id) !== undefined);
    if (found.length === 0 && files.length > 0) {
      const where = files.length === 1 ? files[0]!.source.path : `any of ${files.length} files`;
      throw new UsageError(`--explain: no claim with id \`${safeText(id)}\` in ${safeText(where)}`);
    }
    const only = (f: ListedFile) => {
      const root = findClaim(f.analyses.graph.claims, id);
      return root ? chainOf(f.analyses.evaluation.claims, root) : undefined;
    };
    if (options.format === 'json') return evaluationJson(found, only);
    return found
      .map((f) => {
        const root = findClaim(f.analyses.graph.claims, id)!;
        return `${chalk.bold(safeText(f.source.path))}\n${explainText(f.source, f.analyses.evaluation.claims, root, chalk)}`;
      })
      .join('\n');
  });
}
