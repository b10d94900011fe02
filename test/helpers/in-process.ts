import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';

/** Runs the CLI in this process (the same `main` the binary runs), with captured streams. */
export async function runInProcess(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd,
    env: {},
    stdout: { write: (s: string) => void (stdout += s), isTTY: false },
    stderr: { write: (s: string) => void (stderr += s), isTTY: false },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
