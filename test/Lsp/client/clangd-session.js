// clangd-escape as an editor runs it: the escape-* findings arrive among
// clangd's own diagnostics, through its clang-tidy support, once .clangd
// enables them (docs/Editor.md); stock clangd shows none of them.
//   node clangd-session.js <clangd-escape> <stock clangd> <dir>
// <dir> holds escape.cpp, compile_flags.txt and the .clangd of the docs.
'use strict';
const path = require('path');
const {Session, check, finish} = require('./lsp-session.js');

const [clangdEscape, stock, dir] = process.argv.slice(2);
const file = path.join(dir, 'escape.cpp');

async function session(server) {
  const s = new Session(server, ['--log=error', '--background-index=false']);
  await s.initialize({});
  const {uri} = s.open(file);
  // clangd publishes once the AST is built; its tidy findings with it.
  const d = await s.diagnosticsFor(uri, 1);
  const r = await s.shutdown();
  return {d: d || [], r, s, uri};
}

async function main() {
  const mine = await session(clangdEscape);
  const escape = mine.d.filter((x) => x.code === 'escape-return');
  check(escape.length === 1, 'clangd-escape reports the escape', mine.d);
  if (escape.length) {
    check(escape[0].source === 'clang-tidy', 'through clangd\'s clang-tidy',
          escape[0]);
    check(escape[0].range.start.line === 4 &&
          escape[0].range.start.character === 13,
          'at the CLI\'s position, in UTF-16', escape[0].range);
  }
  check(mine.d.some((x) => x.code === 'unused-variable' ||
                           /unused/.test(x.message)),
        'beside clangd\'s own diagnostics', mine.d);
  check(mine.r.code === 0, 'clangd-escape exits cleanly', mine.r);

  const theirs = await session(stock);
  check(!theirs.d.some((x) => /^escape-/.test(x.code)),
        'stock clangd shows no escape-* finding', theirs.d);
  finish();
}

main().catch((e) => {
  console.log('FAIL: ' + (e && e.stack || e));
  check(false, 'the session threw');
  finish();
});
