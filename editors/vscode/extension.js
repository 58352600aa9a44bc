// Starts clang-escape-lsp for C and C++ files. It runs beside the clangd
// extension: VS Code merges both servers' diagnostics in the Problems panel.
'use strict';
const vscode = require('vscode');
const {LanguageClient} = require('vscode-languageclient/node');

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('clang-escape');
  const server = {
    command: config.get('path'),
    args: config.get('arguments'),
  };
  client = new LanguageClient('clang-escape', 'clang-escape', server, {
    documentSelector: [
      {scheme: 'file', language: 'cpp'},
      {scheme: 'file', language: 'c'},
    ],
  });
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = {activate, deactivate};
