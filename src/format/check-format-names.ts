/**
 * The values of `argmap check --format`, written once: the CLI offers them, and
 * check-formatters.ts must give each a formatter (its type requires exactly these). Kept apart from
 * the formatters so that the CLI can list them without loading any.
 */
export const CHECK_FORMATS = ['stylish', 'compact', 'json', 'sarif', 'github', 'junit'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];
