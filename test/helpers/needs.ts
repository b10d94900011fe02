/**
 * Tests that need something outside the checkout (a browser, the npm cache) skip where it cannot be
 * had, saying why and how to run them, except under CI, where a missing requirement is a failure:
 * CI can never pass by skipping them.
 */

/** True when the `CI` environment variable is set to anything but empty, `0` or `false`. */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

const told = new Set<string>();

/** What a test's context offers to skip it with a note (vitest's `TestContext.skip`). */
interface Skippable {
  skip(note?: string): never;
}

/**
 * Skips the test with `reason` (printed on its own line to stderr, and as the skip note vitest shows),
 * or throws it as a failure under CI.
 */
export function skipOrFail(context: Skippable, reason: string): never {
  if (underCi()) throw new Error(`${reason}\n(CI is set: this test may not be skipped there)`);
  if (!told.has(reason)) process.stderr.write(`skipped: ${reason}\n`);
  told.add(reason);
  return context.skip(reason);
}
