// A language client for the LSP tests: vscode-languageserver-protocol over
// vscode-jsonrpc, as VS Code's own client, driving a server process through
// whole sessions. Each test script builds on Session and check().
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const url = require('url');
const rpc = require('vscode-jsonrpc/node');
const proto = require('vscode-languageserver-protocol');

let passed = 0;
let failed = 0;

/// Records one expectation; prints a line for a failure.
function check(ok, what, detail) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log('FAIL: ' + what + (detail === undefined ? '' : '\n  ' +
                JSON.stringify(detail)));
  }
}

/// The closing line the CI log reader counts, and the exit status.
function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function uriOf(file) { return url.pathToFileURL(file).href; }

/// The text \p edits (LSP TextEdits, UTF-16 positions as JS strings count)
/// make of \p text.
function applyEdits(text, edits) {
  const offset = (pos) => {
    let at = 0;
    for (let l = 0; l < pos.line; l++) {
      const nl = text.indexOf('\n', at);
      if (nl < 0) return text.length;
      at = nl + 1;
    }
    return at + pos.character;
  };
  const sorted = [...edits].sort((a, b) =>
    offset(b.range.start) - offset(a.range.start));
  for (const e of sorted)
    text = text.slice(0, offset(e.range.start)) + e.newText +
           text.slice(offset(e.range.end));
  return text;
}

class Session {
  constructor(command, args, options = {}) {
    this.proc = cp.spawn(command, args, {
      stdio: ['pipe', 'pipe', options.stderr || 'ignore'],
      cwd: options.cwd,
    });
    this.exited = new Promise((resolve) => this.proc.on('exit',
      (code, signal) => resolve({code, signal})));
    this.conn = rpc.createMessageConnection(
      new rpc.StreamMessageReader(this.proc.stdout),
      new rpc.StreamMessageWriter(this.proc.stdin));
    this.published = [];  // every publishDiagnostics, in order
    this.logs = [];
    this.waiters = [];
    this.conn.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.wake();
    });
    this.conn.onNotification(proto.LogMessageNotification.type, (p) => {
      this.logs.push(p);
      this.wake();
    });
    this.conn.listen();
    this.versions = new Map();
    this.texts = new Map();
  }

  wake() {
    this.waiters = this.waiters.filter((w) => !w());
  }

  /// Resolves once \p pred() holds (checked on every notification), or
  /// with undefined after \p ms.
  until(pred, ms = 60000) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), ms);
      const w = () => {
        const v = pred();
        if (v === undefined || v === false) return false;
        clearTimeout(timer);
        resolve(v);
        return true;
      };
      if (!w()) this.waiters.push(w);
    });
  }

  async initialize(capabilities = {}) {
    const r = await this.conn.sendRequest(proto.InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities,
    });
    await this.conn.sendNotification(proto.InitializedNotification.type, {});
    return r;
  }

  /// The first diagnostics published for \p uri at \p version (any version
  /// when undefined) after the \p after-th publication.
  diagnosticsFor(uri, version, after = 0, ms = 60000) {
    return this.until(() => {
      for (const p of this.published.slice(after))
        if (p.uri === uri && (version === undefined || p.version === version))
          return p.diagnostics;
      return undefined;
    }, ms);
  }

  open(file, text) {
    const uri = uriOf(file);
    text = text === undefined ? fs.readFileSync(file, 'utf8') : text;
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    this.conn.sendNotification(proto.DidOpenTextDocumentNotification.type, {
      textDocument: {uri, languageId: 'cpp', version: 1, text},
    });
    return {uri, version: 1};
  }

  /// Sends \p edits as incremental changes; returns the new version.
  edit(uri, edits) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri), edits));
    this.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version},
      contentChanges: edits.map((e) => ({range: e.range, text: e.newText})),
    });
    return version;
  }

  /// Replaces the whole buffer (full sync); returns the new version.
  replace(uri, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    this.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, {
      textDocument: {uri, version}, contentChanges: [{text}],
    });
    return version;
  }

  /// Sends a change made by \p change (a function of this session that
  /// returns the new version) and resolves with that version's diagnostics.
  async changed(uri, change) {
    const n = this.published.length;
    const version = change();
    return this.diagnosticsFor(uri, version, n);
  }

  close(uri) {
    this.conn.sendNotification(proto.DidCloseTextDocumentNotification.type, {
      textDocument: {uri},
    });
  }

  codeActions(uri, line) {
    return this.conn.sendRequest(proto.CodeActionRequest.type, {
      textDocument: {uri},
      range: {start: {line, character: 0}, end: {line, character: 0}},
      context: {diagnostics: []},
    });
  }

  /// Applies a code action's workspace edit to the buffer, as an editor
  /// does: through a didChange. Returns the new version.
  apply(action) {
    let version;
    for (const [uri, edits] of Object.entries(action.edit.changes))
      version = this.edit(uri, edits);
    return version;
  }

  async shutdown() {
    await this.conn.sendRequest(proto.ShutdownRequest.type);
    await this.conn.sendNotification(proto.ExitNotification.type);
    const r = await Promise.race([this.exited,
      new Promise((res) => setTimeout(() => res({code: 'timeout'}), 30000))]);
    this.conn.dispose();
    return r;
  }
}

/// The CLI's findings for the saved \p file (--format=json, options \p pre
/// before the file and \p post after it), as [{line, column, check,
/// message}] with 1-based byte columns.
function cliFindings(cli, file, pre = [], post = []) {
  const r = cp.spawnSync(cli, ['--format=json', '--quiet', ...pre, file,
                               ...post], {encoding: 'utf8'});
  const doc = JSON.parse(r.stdout);
  return doc.findings.filter((f) => path.resolve(f.file) === file);
}

/// The UTF-16 column of 1-based byte column \p col on line \p line (1-based)
/// of \p text.
function utf16Column(text, line, col) {
  const bytes = Buffer.from(text.split('\n')[line - 1], 'utf8');
  return bytes.subarray(0, col - 1).toString('utf8').length;
}

module.exports = {Session, check, finish, uriOf, applyEdits, cliFindings,
                  utf16Column};
