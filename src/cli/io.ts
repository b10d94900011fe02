/** What a command may touch of the outside world; the CLI passes the real process, tests their own. */
export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
}

/** Exit codes, as documented in the README and docs/cli.md. */
export const EXIT = {
  /** No errors (warnings allowed, unless --max-warnings says otherwise). */
  ok: 0,
  /** Problems found in the input. */
  problems: 1,
  /** Usage error, missing or unreadable path, or internal error. */
  usage: 2,
} as const;

/** A problem with how a command was called, found while rendering: exit 2, nothing written. */
export class UsageError extends Error {}
