import { createConnection } from 'vscode-languageserver/node';
import { ArgmapServer } from '../../lsp/server';
import type { CliIO } from '../io';

export interface LspOptions {
  maxFileSize?: number;
  /** Passed by editors that name the transport (`--stdio`): standard input and output, the only one. */
  stdio?: boolean;
}

/**
 * `argmap lsp`: the language server, over standard input and output. The protocol decides when the
 * process ends: after the editor's `shutdown` and `exit` (code 0; 1 for an `exit` without
 * `shutdown`), when standard input closes, or when the editor's process (`--clientProcessId`, or the
 * id it gives at `initialize`) is gone; vscode-languageserver ends it then.
 */
export function runLsp(options: LspOptions, io: CliIO): Promise<number> {
  const connection = createConnection(process.stdin, process.stdout);
  new ArgmapServer(connection, { cwd: io.cwd, ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}) });
  connection.listen();
  // The connection keeps the process alive; vscode-languageserver ends it as the protocol says.
  return new Promise<number>(() => {});
}
