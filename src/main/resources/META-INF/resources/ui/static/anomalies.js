// Anomaly timeline: uPlot chart of the scores with the model's threshold and the anomalies marked; a point selected by
// mouse (click), keyboard (arrow keys on the focused chart) or the highest-scores table shows its contributing variables.
(function () {
  'use strict';
  let timeline = null;
  let plot = null;
  let selected = null;

  function utc(seconds) {
    return new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  }

  function select(index) {
    if (!timeline || index == null || index < 0 || index >= timeline.points.length) { return; }
    selected = index;
    const p = timeline.points[index];
    document.dispatchEvent(new CustomEvent('anomaly-point-selected', { detail: { line: timeline.line, at: p.at } }));
    const at = Date.parse(p.at) / 1000;
    const info = document.getElementById('contrib-point');
    info.hidden = false;
    info.textContent = 'Point at ' + utc(at) + ': score ' + (p.score == null ? 'none (lag history)' : p.score.toFixed(3))
      + ' against threshold ' + timeline.threshold.toFixed(3) + ' — ' + (p.anomalous ? '▲ anomaly' : '✓ normal')
      + ' (model version ' + timeline.modelVersion + ').';
    document.getElementById('contrib-hint').hidden = true;
    const table = document.getElementById('contrib-table');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    const largest = p.contributions.length ? p.contributions[0].value : 1;
    for (const c of p.contributions) {
      const tr = document.createElement('tr');
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = c.variable;
      const value = document.createElement('td');
      value.className = 'num';
      value.textContent = c.value.toFixed(4);
      const rel = document.createElement('td');
      const bar = document.createElement('span');
      bar.className = 'bar';
      const share = largest > 0 ? c.value / largest : 0;
      bar.style.width = (share * 10).toFixed(2) + 'rem';
      rel.append(bar, ' ' + Math.round(share * 100) + ' %');
      tr.append(name, value, rel);
      body.appendChild(tr);
    }
    table.hidden = false;
    document.querySelectorAll('#top-scores tr.selected').forEach(r => r.classList.remove('selected'));
    const row = document.querySelector('#top-scores tr[data-index="' + index + '"]');
    if (row) { row.classList.add('selected'); }
    if (plot) {
      plot.setData(data(), false);
      plot.redraw();
    }
  }

  function data() {
    const xs = timeline.points.map(p => Date.parse(p.at) / 1000);
    const scores = timeline.points.map(p => p.score);
    const threshold = xs.map(() => timeline.threshold);
    const anomalies = timeline.points.map(p => p.anomalous ? p.score : null);
    const chosen = timeline.points.map((p, i) => i === selected ? p.score : null);
    return [xs, scores, threshold, anomalies, chosen];
  }

  function chart() {
    const holder = document.getElementById('timeline-chart');
    if (!holder || typeof uPlot === 'undefined') { return; }
    const none = () => null;
    plot = new uPlot({
      width: Math.max(300, holder.clientWidth), height: 320,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      series: [
        { label: 'time (UTC)' },
        { label: 'score', stroke: '#0072b2', width: 1.5, points: { show: false } },
        { label: 'threshold', stroke: '#d55e00', width: 2, dash: [8, 4], points: { show: false } },
        { label: 'anomaly', stroke: '#d55e00', fill: '#d55e00', paths: none, points: { show: true, size: 7, fill: '#d55e00' } },
        { label: 'selected', stroke: '#000', paths: none, points: { show: true, size: 13, width: 2, fill: 'transparent' } }
      ],
      axes: [{}, { label: 'anomaly score' }],
      hooks: {
        ready: [u => u.over.addEventListener('click', () => {
          if (u.cursor.idx != null) { select(u.cursor.idx); }
        })]
      }
    }, data(), holder);
    holder.addEventListener('keydown', e => {
      const n = timeline.points.length;
      let next = null;
      if (e.key === 'ArrowRight') { next = selected == null ? 0 : Math.min(n - 1, selected + 1); }
      if (e.key === 'ArrowLeft') { next = selected == null ? n - 1 : Math.max(0, selected - 1); }
      if (e.key === 'Home') { next = 0; }
      if (e.key === 'End') { next = n - 1; }
      if (next != null) { e.preventDefault(); select(next); }
    });
  }

  document.addEventListener('click', e => {
    const b = e.target.closest('button.select-point');
    if (b) { select(Number(b.dataset.index)); }
  });

  document.addEventListener('DOMContentLoaded', () => {
    const el = document.getElementById('timeline-data');
    timeline = el ? JSON.parse(el.textContent) : null;
    if (timeline && timeline.points.length) { chart(); }
  });
})();
