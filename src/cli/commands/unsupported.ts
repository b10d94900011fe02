import { unsupportedJson, unsupportedText } from '../../format/claim-lists';
import { chalkFor } from '../../util/terminal';
import type { CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

/** `argmap unsupported`: every claim that rests on nothing, with its kind, location and why. */
export function runUnsupported(paths: string[], options: ListingOptions & { format: 'text' | 'json' }, io: CliIO) {
  return runListing(paths, options, io, (files, color) =>
    options.format === 'json' ? unsupportedJson(files) : unsupportedText(files, chalkFor(color ? 1 : 0)),
  );
}
