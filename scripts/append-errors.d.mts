// Types for scripts/append-errors.mjs (imported by its test).
export declare const APPEND: string;
export declare function appendErrorsInPlace(
  code: string,
  options: { name: string; expected: boolean },
): { code: string; rewritten: number };
