// A minimal VS Code client for `argmap lsp`: it starts the server over standard input and output
// and hands it the argument files (see docs/editors.md). Everything else is the server's.
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** @param {import('vscode').ExtensionContext} _context */
function activate(_context) {
  const settings = workspace.getConfiguration('argmap');
  const command = settings.get('command', 'argmap');
  const files = settings.get('files', '**/arguments/**/*.{yaml,yml}');
  client = new LanguageClient(
    'argmap',
    'argmap',
    // On Windows, npm installs `argmap` as argmap.cmd, which only a shell runs.
    { command, args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } },
    { documentSelector: [{ scheme: 'file', language: 'yaml', pattern: files }] },
  );
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
