import { counterpointsJson, counterpointsText } from '../../format/claim-lists';
import { chalkFor } from '../../util/terminal';
import type { CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

/** `argmap counterpoints`: every counterpoint, what it attacks, its evidence, its rebuttals. */
export function runCounterpoints(paths: string[], options: ListingOptions & { format: 'text' | 'json' }, io: CliIO) {
  return runListing(paths, options, io, (files, color) =>
    options.format === 'json' ? counterpointsJson(files) : counterpointsText(files, chalkFor(color ? 1 : 0)),
  );
}
