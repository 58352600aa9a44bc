// A session against clang-escape-lsp as an editor runs one: open a file,
// type an escape in and out of the unsaved buffer, apply both kinds of code
// action, break the buffer, crash one analysis, close, shut down.
//   node escape-session.js <clang-escape-lsp> <clang-escape> <dir>
// <dir> holds escape.cpp (one escape-return after non-ASCII text, one
// provable annotation) and compile_flags.txt.
'use strict';
const path = require('path');
const {Session, check, finish, cliFindings, utf16Column} =
    require('./lsp-session.js');

const [server, cli, dir] = process.argv.slice(2);
const file = path.join(dir, 'escape.cpp');
const at = (line, character) => ({line, character});
const range = (l0, c0, l1, c1) => ({start: at(l0, c0), end: at(l1, c1)});

async function main() {
  const s = new Session(server, ['--debounce-ms=50', '--quiet',
                                 '--test-crash-marker=CRASH_ANALYSIS_HERE']);
  const init = await s.initialize({});
  check(init.capabilities.positionEncoding === 'utf-16',
        'UTF-16 positions when the client offers nothing', init.capabilities);

  // Open: the CLI's findings for the saved file, in UTF-16 columns.
  const {uri} = s.open(file);
  let d = await s.diagnosticsFor(uri, 1);
  const cliSaw = cliFindings(cli, file);
  const text = s.texts.get(uri);
  check(d && d.length === cliSaw.length && cliSaw.length === 1,
        'as many diagnostics as the CLI has findings', {d, cliSaw});
  for (let i = 0; d && i < Math.min(d.length, cliSaw.length); i++) {
    const f = cliSaw[i];
    check(d[i].code === f.check && d[i].message === f.message &&
          d[i].range.start.line === f.line - 1 &&
          d[i].range.start.character === utf16Column(text, f.line, f.column),
          'diagnostic equals the CLI finding', {lsp: d[i], cli: f});
  }
  check(d && d[0].range.start.character === 13,
        'UTF-16 column after ü€😀', d && d[0].range);
  check(d && d[0].source === 'clang-escape' && d[0].severity === 2 &&
        /checks\/escape-return\.md$/.test(d[0].codeDescription.href),
        'source, severity and doc page', d && d[0]);
  check(d && d[0].relatedInformation.length === 3, 'the flow as related ' +
        'information', d && d[0].relatedInformation);

  // Typing an escape into the unsaved buffer (incremental change).
  d = await s.changed(uri, () => s.edit(uri, [{range: range(8, 0, 8, 0),
      newText: 'int &refToLocal() {\n  int n = 1;\n  return n;\n}\n'}]));
  check(d && d.length === 2 && d[1].range.start.line === 10,
        'an escape typed in is reported', d);

  // ... and out again.
  d = await s.changed(uri, () => s.edit(uri, [{range: range(8, 0, 12, 0),
                                              newText: ''}]));
  check(d && d.length === 1, 'an escape removed is gone', d);

  // A burst of edits: only the last version is published.
  const before = s.published.length;
  let last;
  d = await s.changed(uri, () => {
    for (let i = 0; i < 5; i++)
      last = s.edit(uri, [{range: range(8, 0, 8, 0), newText: `// ${i}\n`}]);
    return last;
  });
  const versions = s.published.slice(before).filter((p) => p.uri === uri)
                       .map((p) => p.version);
  check(versions.every((x) => x === last), 'stale versions never published',
        versions);

  // Code action: NOLINT, applied as an editor applies it.
  let actions = await s.codeActions(uri, d[0].range.start.line);
  const nolint = actions.find((a) => a.title.includes('NOLINT'));
  check(nolint && nolint.kind === 'quickfix', 'a NOLINT quick fix', actions);
  if (nolint) {
    d = await s.changed(uri, () => s.apply(nolint));
    check(d && d.length === 0, 'NOLINT applied silences the finding', d);
    check(s.texts.get(uri).includes('return &seed; // NOLINT(escape-return)'),
          'the comment is at the end of the line', s.texts.get(uri));
  }

  // Code action: the proven annotation.
  const identLine = s.texts.get(uri).split('\n')
                        .findIndex((l) => l.startsWith('int *ident'));
  actions = await s.codeActions(uri, identLine);
  const fix = actions.find((a) => a.title.includes('lifetimebound'));
  check(fix && fix.isPreferred, 'the lifetimebound fix is offered', actions);
  if (fix) {
    await s.changed(uri, () => s.apply(fix));
    check(s.texts.get(uri).includes(
              'int *ident(int *p [[clang::lifetimebound]])'),
          'the annotation is inserted after the parameter', s.texts.get(uri));
    actions = await s.codeActions(uri, identLine);
    check(actions.length === 0, 'nothing left to fix there', actions);
  }

  // A buffer Clang cannot parse: the server answers and goes on.
  const good = s.texts.get(uri);
  const withText = (text) => s.changed(uri, () => s.replace(uri, text));
  d = await withText('int *broken( { return &;\n' + good);
  check(Array.isArray(d), 'a broken buffer still gets an answer', d);
  d = await withText(good + 'int *again() { int z = 0; return &z; }\n');
  check(d && d.length === 1 && d[0].message.includes("'z'"),
        'fixed again, findings again', d);

  // A crash inside one analysis: logged, and the server lives on.
  const logs = s.logs.length;
  d = await withText(good + '// CRASH_ANALYSIS_HERE\n');
  check(s.logs.slice(logs).some((l) => l.type === 1 &&
                                       /crashed/.test(l.message)),
        'the crash is logged', s.logs);
  d = await withText(good + 'int *third() { int w = 0; return &w; }\n');
  check(d && d.length === 1 && d[0].message.includes("'w'"),
        'analyses go on after a crash', d);

  // Close clears; shutdown and exit end the process with status 0.
  d = await s.changed(uri, () => {
    s.close(uri);
    return undefined;
  });
  check(d && d.length === 0, 'close clears the diagnostics', d);
  const r = await s.shutdown();
  check(r.code === 0, 'exit status 0 after shutdown', r);

  // UTF-8 when the client offers it.
  const u = new Session(server, ['--quiet']);
  const init8 = await u.initialize({general: {positionEncodings:
                                                  ['utf-8', 'utf-16']}});
  check(init8.capabilities.positionEncoding === 'utf-8', 'UTF-8 negotiated',
        init8.capabilities);
  u.open(file);
  d = await u.diagnosticsFor(uri, 1);
  check(d && d[0].range.start.character === 18, 'UTF-8 column is the byte',
        d && d[0].range);
  check((await u.shutdown()).code === 0, 'second session exits cleanly');
  finish();
}

main().catch((e) => {
  console.log('FAIL: ' + (e && e.stack || e));
  check(false, 'the session threw');
  finish();
});
