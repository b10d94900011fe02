// The directions of `argmap graph --direction`, apart from the drawing code so that the command line
// can list them without loading it (as check-format-names.ts does for check's formats).

/**
 * Which way the map grows from the recommendation: `TB` puts it at the top with its reasons below,
 * `LR` at the left with its reasons to the right, `BT` and `RL` the other way round.
 */
export const DIRECTIONS = ['LR', 'TB', 'RL', 'BT'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * Left to right: a map is far wider than deep (the 60-claim test map has 7 reasons, 21 claims under
 * them and 31 under those, but four levels), so growing sideways stacks siblings down the page,
 * which scrolls, and keeps the width to the levels, which fit the report's width. See docs/graphs.md.
 */
export const DEFAULT_DIRECTION: Direction = 'LR';
