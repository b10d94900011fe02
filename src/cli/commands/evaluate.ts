import { chainOf, evaluationJson, evaluationText, explainText, findClaim } from '../../format/evaluation';
import type { ListedFile } from '../../format/claim-lists';
import { chalkFor } from '../../util/terminal';
import { safeLine, safeText } from '../../util/safe-text';
import { UsageError, type CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

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
    // The claim named, looked up once per file.
    const found = files.flatMap((f) => {
      const root = findClaim(f.analyses.graph.claims, id);
      return root ? [{ file: f, root }] : [];
    });
    if (found.length === 0 && files.length > 0) {
      const where = files.length === 1 ? files[0]!.source.path : `any of ${files.length} files`;
      throw new UsageError(`--explain: no claim with id \`${safeText(id)}\` in ${safeLine(where)}`);
    }
    if (options.format === 'json') {
      const roots = new Map(found.map(({ file, root }) => [file, root]));
      return evaluationJson(
        found.map(({ file }) => file),
        (f: ListedFile) => chainOf(f.analyses.evaluation.claims, roots.get(f)!),
      );
    }
    return found
      .map(
        ({ file, root }) =>
          `${chalk.bold(safeLine(file.source.path))}\n${explainText(file.source, file.analyses.evaluation.claims, root, chalk)}`,
      )
      .join('\n');
  });
}
