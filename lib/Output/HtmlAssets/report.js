// clang-escape HTML report (lib/Output/HtmlEmitter.cpp): sorting and
// filtering tables, and on a source file's page the selected finding's flow
// steps on the code and its path on the escape graph.
'use strict';

// Script errors show on the page (and so in a headless browser's DOM).
window.addEventListener('error', (e) => {
  const out = document.getElementById('script-errors');
  if (out) {
    out.hidden = false;
    out.textContent += e.message + '\n';
  }
});

function sortable(table) {
  const body = table.tBodies[0];
  table.querySelectorAll('th[data-sort]').forEach((th) => {
    th.addEventListener('click', () => {
      const col = th.cellIndex;
      const asc = !th.classList.contains('asc');
      table.querySelectorAll('th').forEach((h) => h.classList.remove('asc', 'desc'));
      th.classList.add(asc ? 'asc' : 'desc');
      const kind = th.dataset.sort;
      const key = (row) => {
        const t = row.cells[col].textContent;
        if (kind === 'num') return Number(t);
        if (kind === 'loc') {
          // file:line:col sorts by file, then numerically.
          const m = t.match(/^(.*?):(\d+)(?::(\d+))?$/);
          return m ? [m[1], Number(m[2]), Number(m[3] || 0)] : [t, 0, 0];
        }
        return t.toLowerCase();
      };
      const rows = Array.from(body.rows).map((r) => [key(r), r]);
      rows.sort((a, b) => {
        const x = a[0], y = b[0];
        let c = 0;
        if (Array.isArray(x)) {
          for (let i = 0; i < x.length && !c; i++) c = x[i] < y[i] ? -1 : x[i] > y[i] ? 1 : 0;
        } else {
          c = x < y ? -1 : x > y ? 1 : 0;
        }
        return asc ? c : -c;
      });
      const frag = document.createDocumentFragment();
      rows.forEach((r) => frag.appendChild(r[1]));
      body.appendChild(frag);
    });
  });
}

// "check:escape-return file:a.cpp words" keeps rows that match every term.
function filterRows(table, text, cls) {
  const terms = text.toLowerCase().split(/\s+/).filter((t) => t);
  let shown = 0;
  for (const row of table.tBodies[0].rows) {
    let ok = !cls || row.dataset.class === cls;
    for (const t of terms) {
      if (!ok) break;
      const m = t.match(/^(check|class|file):(.*)$/);
      if (m) ok = (row.dataset[m[1]] || '').toLowerCase().includes(m[2]);
      else ok = row.textContent.toLowerCase().includes(t);
    }
    row.hidden = !ok;
    shown += ok;
  }
  return shown;
}

function indexPage() {
  const table = document.getElementById('all-findings');
  sortable(table);
  const input = document.getElementById('filter');
  const cls = document.getElementById('filter-class');
  const count = document.getElementById('shown');
  const update = () => {
    const n = filterRows(table, input.value, cls.value);
    count.textContent = n + ' of ' + table.tBodies[0].rows.length + ' shown';
  };
  input.addEventListener('input', update);
  cls.addEventListener('change', update);
  document.querySelectorAll('[data-filter-check]').forEach((a) => {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      input.value = 'check:' + a.dataset.filterCheck;
      update();
    });
  });
  update();
}

function programPage() {
  const table = document.getElementById('functions');
  sortable(table);
  const input = document.getElementById('filter');
  input.addEventListener('input', () => filterRows(table, input.value, ''));
}

function filePage() {
  const main = document.querySelector('main');
  const findings = Array.from(document.querySelectorAll('li.finding'));
  const pick = document.getElementById('graph-pick');
  const position = document.getElementById('position');
  let current = -1; // index into findings
  let step = -1;    // index into the current finding's steps

  // Graphs wait in templates; the one shown is copied into the view.
  function showGraph(id) {
    const t = document.getElementById('g' + id);
    const view = document.getElementById('graph-view');
    if (!t || !view) return null;
    if (view.dataset.graph !== String(id)) {
      view.replaceChildren(t.content.cloneNode(true));
      view.dataset.graph = String(id);
    }
    if (pick) pick.value = String(id);
    return view;
  }

  function clearMarks() {
    document.querySelectorAll('.badge').forEach((b) => b.remove());
    document.querySelectorAll('tr.on-path, tr.current-step').forEach((r) =>
      r.classList.remove('on-path', 'current-step'));
    document.querySelectorAll('li.finding.selected').forEach((f) =>
      f.classList.remove('selected'));
    document.querySelectorAll('.escape-graph .selected, .escape-graph .on-path, .escape-graph .subject')
      .forEach((e) => e.classList.remove('selected', 'on-path', 'subject'));
    document.querySelectorAll('.escape-graph .edge').forEach((e) => {
      e.querySelector('path').setAttribute('marker-end', 'url(#' + e.dataset.arrow + ')');
    });
  }

  function steps() {
    return current < 0 ? [] : Array.from(findings[current].querySelectorAll('ol.steps > li'));
  }

  function goStep(k) {
    const all = steps();
    if (!all.length) return;
    step = Math.max(0, Math.min(k, all.length - 1));
    all.forEach((s, i) => s.classList.toggle('current', i === step));
    document.querySelectorAll('tr.current-step').forEach((r) => r.classList.remove('current-step'));
    const line = all[step].dataset.line;
    if (line) {
      const row = document.getElementById('L' + line);
      if (row) {
        row.classList.add('current-step');
        row.scrollIntoView({ block: 'center' });
      }
    }
    position.textContent = 'finding ' + (current + 1) + '/' + findings.length +
      ', step ' + (step + 1) + '/' + all.length;
  }

  function select(i, scroll, keepHash) {
    clearMarks();
    current = i;
    step = -1;
    const f = findings[i];
    f.classList.add('selected');
    if (scroll) f.scrollIntoView({ block: 'nearest' });
    // Steps numbered on their lines.
    steps().forEach((s, k) => {
      const row = s.dataset.line && document.getElementById('L' + s.dataset.line);
      if (!row) return;
      row.classList.add('on-path');
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = String(k + 1);
      badge.title = s.textContent;
      badge.addEventListener('click', () => goStep(k));
      row.cells[1].appendChild(badge);
    });
    // The path on the graph.
    const g = showGraph(f.dataset.graph);
    if (g) {
      const svg = g.querySelector('svg');
      const path = f.dataset.path ? f.dataset.path.split(' ') : [];
      for (const id of path) {
        const edge = svg && svg.querySelector('.edge[data-edge="' + id + '"]');
        if (!edge) continue;
        edge.classList.add('selected');
        edge.querySelector('path').setAttribute('marker-end',
          'url(#p' + edge.dataset.arrow.slice(1) + ')');
      }
      const subject = svg && svg.querySelector('.node[data-loc="' + f.dataset.subject + '"]');
      if (subject) subject.classList.add('subject', 'on-path');
    }
    if (!keepHash) history.replaceState(null, '', '#' + f.id);
    goStep(0);
    if (!steps().length) {
      const row = document.getElementById('L' + f.dataset.line);
      if (row) row.scrollIntoView({ block: 'center' });
      position.textContent = 'finding ' + (i + 1) + '/' + findings.length;
    }
  }

  // #f<N> selects a finding; #g<N> shows a function's graph on its own.
  function fromHash() {
    const id = location.hash.slice(1);
    const graph = /^g\d+$/.test(id) && document.getElementById(id);
    document.body.classList.toggle('graph-focus', !!graph);
    if (graph) {
      // With the path of its first finding, if it has one.
      const i = findings.findIndex((f) => f.dataset.graph === id.slice(1));
      if (i >= 0) select(i, false, true);
      showGraph(id.slice(1));
      return true;
    }
    const i = findings.findIndex((f) => f.id === id);
    if (i >= 0) select(i, true);
    return i >= 0;
  }

  function nextFinding(d) {
    const j = current + d;
    if (j >= 0 && j < findings.length) return select(j, true);
    const page = d > 0 ? main.dataset.nextPage : main.dataset.prevPage;
    if (page) location.href = page;
  }

  function nextStep(d) {
    const all = steps();
    if (step + d >= 0 && step + d < all.length) return goStep(step + d);
    nextFinding(d);
  }

  findings.forEach((f, i) => {
    f.querySelector('a.select').addEventListener('click', (e) => {
      e.preventDefault();
      select(i, false);
    });
  });
  document.querySelectorAll('a.mf').forEach((a) => {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const i = findings.findIndex((f) => '#' + f.id === a.getAttribute('href'));
      if (i >= 0) select(i, true);
    });
  });
  document.querySelectorAll('ol.steps > li').forEach((s) => {
    s.addEventListener('click', (e) => {
      const f = s.closest('li.finding');
      const i = findings.indexOf(f);
      if (i !== current) return;
      e.preventDefault();
      goStep(Array.from(f.querySelectorAll('ol.steps > li')).indexOf(s));
    });
  });
  document.getElementById('next-step').addEventListener('click', () => nextStep(1));
  document.getElementById('prev-step').addEventListener('click', () => nextStep(-1));
  document.getElementById('next-finding').addEventListener('click', () => nextFinding(1));
  document.getElementById('prev-finding').addEventListener('click', () => nextFinding(-1));
  document.addEventListener('keydown', (e) => {
    if (e.target.tagName === 'INPUT' || e.target.tagName === 'SELECT') return;
    const keys = { j: () => nextStep(1), k: () => nextStep(-1),
      n: () => nextFinding(1), p: () => nextFinding(-1) };
    if (keys[e.key]) keys[e.key]();
  });
  if (pick) pick.addEventListener('change', () => showGraph(pick.value));
  const focus = document.getElementById('graph-focus');
  if (focus) {
    focus.addEventListener('click', () => {
      location.hash = document.body.classList.contains('graph-focus') &&
        current >= 0 ? findings[current].id : 'g' + pick.value;
    });
  }
  window.addEventListener('hashchange', fromHash);
  if (!fromHash()) {
    // A link to a line keeps its line; otherwise the first finding.
    const row = location.hash.startsWith('#L') &&
      document.getElementById(location.hash.slice(1));
    if (row) {
      if (pick) showGraph(pick.value);
      row.scrollIntoView({ block: 'center' });
    } else if (findings.length) {
      select(0, false);
    } else if (pick) {
      showGraph(pick.value);
    }
  }
}

document.addEventListener('DOMContentLoaded', () => {
  const kind = document.body.classList;
  if (kind.contains('index')) indexPage();
  else if (kind.contains('program')) programPage();
  else if (kind.contains('file')) filePage();
  // How long the page took to be ready, for the tests and the curious.
  document.body.dataset.readyMs = String(Math.round(performance.now()));
});
