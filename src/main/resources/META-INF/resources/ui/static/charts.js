// Control chart pages: draws the server's chart (points, center line, control and spec limits, rule markers,
// phase I shading) with uPlot, keeps a zoomed range in the address, and appends live updates from the page's
// server-sent-events stream. All statistics come from the server; this file only draws them.
(function () {
  'use strict';

  const dataEl = document.getElementById('chart-data');
  const page = document.getElementById('chart-page');
  if (!dataEl || !page || typeof uPlot === 'undefined') { return; }
  const view = JSON.parse(dataEl.textContent);
  if (!view) { return; }
  const attribute = page.dataset.kind === 'attribute';
  const COLOURS = { value: '#1b1f24', center: '#0072b2', limit: '#d55e00', spec: '#cc79a7', marker: '#d55e00',
    phase: 'rgba(86, 180, 233, 0.13)', lower: '#009e73' };
  const plots = [];
  let zoomed = !!new URLSearchParams(location.search).get('to');
  let syncing = false;

  const secs = t => Date.parse(t) / 1000;
  const iso = s => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
  const ruleLabel = r => r === 'CUSUM_UPPER' ? 'C+' : r === 'CUSUM_LOWER' ? 'C−' : r.replace('NELSON', 'N');

  function pointsOf(name) {
    return attribute ? view.points : (view.points[name] || []);
  }

  /** Columns for uPlot from the server's points: time, then one array per series. */
  function columns(name, points, fig) {
    const x = points.map(p => secs(p.time));
    if (name === 'CUSUM') {
      return [x, points.map(p => p.upper), points.map(p => -p.lower), points.map(p => p.ucl), points.map(p => -p.ucl)];
    }
    const cols = [x, points.map(p => p.value), points.map(p => p.center),
      points.map(p => p.ucl == null ? null : p.ucl), points.map(p => p.lcl == null ? null : p.lcl)];
    if (fig.dataset.lsl !== undefined) { cols.push(points.map(() => Number(fig.dataset.lsl))); }
    if (fig.dataset.usl !== undefined) { cols.push(points.map(() => Number(fig.dataset.usl))); }
    return cols;
  }

  function series(name, fig) {
    const line = (label, stroke, dash, width) => ({ label: label, stroke: stroke, width: width || 1.5, dash: dash,
      points: { show: false }, spanGaps: true, value: (u, v) => v == null ? '—' : v.toFixed(4) });
    if (name === 'CUSUM') {
      return [{ label: 'Time (UTC)', value: (u, v) => v == null ? '—' : iso(v) },
        Object.assign(line('C+ (upper sum)', COLOURS.value, undefined, 2), { points: { show: true, size: 4 } }),
        Object.assign(line('C− (lower sum, negated)', COLOURS.lower, undefined, 2), { points: { show: true, size: 4 } }),
        line('+H', COLOURS.limit, [8, 4]), line('−H', COLOURS.limit, [8, 4])];
    }
    const out = [{ label: 'Time (UTC)', value: (u, v) => v == null ? '—' : iso(v) },
      Object.assign(line(name === 'EWMA' ? 'EWMA' : 'Value', COLOURS.value, undefined, 1.5), { points: { show: true, size: 5 } }),
      line('Center line', COLOURS.center, undefined, 1.5),
      line('UCL', COLOURS.limit, [8, 4]), line('LCL', COLOURS.limit, [8, 4])];
    if (fig.dataset.lsl !== undefined) { out.push(line('LSL (spec)', COLOURS.spec, [2, 3, 8, 3], 2)); }
    if (fig.dataset.usl !== undefined) { out.push(line('USL (spec)', COLOURS.spec, [2, 3, 8, 3], 2)); }
    return out;
  }

  /** Phase I baseline shaded behind the series, with its name. */
  function drawPhase(u) {
    const l = view.limits;
    if (!l || !l.baselineFrom || !l.baselineTo) { return; }
    const ctx = u.ctx;
    const left = Math.max(u.bbox.left, u.valToPos(secs(l.baselineFrom), 'x', true));
    const right = Math.min(u.bbox.left + u.bbox.width, u.valToPos(secs(l.baselineTo), 'x', true));
    if (right <= left) { return; }
    ctx.save();
    ctx.fillStyle = COLOURS.phase;
    ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
    ctx.fillStyle = '#00507e';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
    ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
    ctx.fillText('Phase I baseline (v' + l.version + ')', left + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
    ctx.restore();
  }

  /** Rule 1 (a point beyond the limits) and a CUSUM signal outrank the run rules. */
  const severity = r => /^(WE1|NELSON1|CUSUM_UPPER|CUSUM_LOWER)$/.test(r) ? 2 : 1;
  /** Points closer than this on screen (CSS pixels) share one marker. */
  const MARKER_PX = 8;
  /** Most point times a marker's tooltip lists. */
  const TOOLTIP_POINTS = 12;

  /**
   * Violating points in the visible range grouped by screen column, newest first and, at the same time, most severe
   * first. Every violating point is in a group, so no violation goes undrawn however many there are.
   */
  function markerGroups(u, plot) {
    const sx = u.scales.x;
    const groups = new Map();
    for (const p of plot.points) {
      if (!p.rules || p.rules.length === 0) { continue; }
      const x = secs(p.time);
      if (x < sx.min || x > sx.max) { continue; }
      const key = Math.round(u.valToPos(x, 'x') / MARKER_PX);
      if (!groups.has(key)) { groups.set(key, []); }
      groups.get(key).push(p);
    }
    return Array.from(groups.values()).map(points => {
      const rules = Array.from(new Set(points.flatMap(p => p.rules)));
      const worst = Math.max(...rules.map(severity));
      // drawn at the newest of its most severe points
      const at = points.filter(p => p.rules.some(r => severity(r) === worst)).pop();
      return { points: points, rules: rules, severity: worst, at: at, newest: secs(points[points.length - 1].time) };
    }).sort((a, b) => b.newest - a.newest || b.severity - a.severity);
  }

  function tooltip(g) {
    const lines = g.points.slice(-TOOLTIP_POINTS).reverse()
      .map(p => p.time + ': ' + p.rules.map(r => ruleLabel(r) + (ruleLabel(r) === r ? '' : ' (' + r + ')')).join(', '));
    if (g.points.length > TOOLTIP_POINTS) { lines.push('… and ' + (g.points.length - TOOLTIP_POINTS) + ' earlier points'); }
    return (g.points.length > 1 ? g.points.length + ' points where rules fired:\n' : '') + lines.join('\n');
  }

  const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  /**
   * A marker per screen column where rules fired: a triangle pointing away from the center line, the rules of all
   * its points in a tooltip, and their ids as a label unless the label would cover one already placed (newer or
   * more severe ones place theirs first). Elements over the plot, so they are real text, not pixels.
   */
  function drawMarkers(u, plot) {
    let layer = plot.layer;
    if (!layer) {
      layer = plot.layer = document.createElement('div');
      layer.className = 'rule-markers';
      u.over.appendChild(layer);
    }
    const placed = [];
    const marks = markerGroups(u, plot).map(g => {
      const p = g.at;
      const lower = p.rules.includes('CUSUM_LOWER');
      const y = plot.name === 'CUSUM' ? (lower ? -p.lower : p.upper) : p.value;
      const up = plot.name === 'CUSUM' ? !lower : y >= p.center;
      const left = u.valToPos(secs(p.time), 'x');
      const top = u.valToPos(y, 'y');
      const span = document.createElement('span');
      span.className = 'rule-marker ' + (up ? 'up' : 'down');
      span.dataset.rule = g.rules.join(' ');
      span.dataset.time = p.time;
      span.dataset.count = String(g.points.length);
      span.title = tooltip(g);
      span.style.left = left + 'px';
      span.style.top = top + 'px';
      const shape = document.createElement('span');
      shape.className = 'shape';
      shape.setAttribute('aria-hidden', 'true');
      shape.textContent = up ? '▲' : '▼';
      span.append(shape);
      const text = g.rules.map(ruleLabel).join(' ');
      // the label sits beyond the triangle (about 14 px), 16 px high, a bold 12 px character at most about 9 px wide
      const half = (text.length * 9 + 8) / 2;
      const box = up ? { left: left - half, right: left + half, top: top - 32, bottom: top - 14 }
        : { left: left - half, right: left + half, top: top + 14, bottom: top + 32 };
      if (!placed.some(b => overlaps(b, box))) {
        placed.push(box);
        const label = document.createElement('span');
        label.className = 'label';
        label.textContent = text;
        span.append(label);
      } else {
        span.classList.add('unlabelled');
      }
      if (up) { span.append(span.firstChild); }
      return span;
    });
    layer.replaceChildren(...marks);
    plot.fig.dataset.markers = String(marks.length);
  }

  const notesEl = document.getElementById('chart-notes');
  const notes = notesEl ? JSON.parse(notesEl.textContent) || [] : [];

  /** Notes on the main chart: a dotted line at each note's time with "✎ text" on top, who and when in a tooltip. */
  function drawNotes(u, plot) {
    if (plot !== plots[0] || notes.length === 0) { return; }
    let layer = plot.notesLayer;
    if (!layer) {
      layer = plot.notesLayer = document.createElement('div');
      layer.className = 'chart-notes';
      u.over.appendChild(layer);
    }
    const sx = u.scales.x;
    layer.replaceChildren(...notes.filter(n => secs(n.at) >= sx.min && secs(n.at) <= sx.max).map(n => {
      const span = document.createElement('span');
      span.className = 'chart-note';
      span.dataset.time = n.at;
      span.title = n.at + ' — ' + n.text + ' (' + n.createdBy + ', ' + n.createdAt + ')';
      span.style.left = u.valToPos(secs(n.at), 'x') + 'px';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = '✎ ' + n.text;
      span.append(label);
      return span;
    }));
  }

  const notesList = document.getElementById('notes-list');
  if (notesList) {
    notesList.replaceChildren(...notes.map(n => {
      const li = document.createElement('li');
      li.textContent = n.at + ' — ' + n.text + ' (' + n.createdBy + ')';
      return li;
    }));
  }
  const noteForm = document.getElementById('note-form');
  if (noteForm) {
    noteForm.addEventListener('submit', async event => {
      event.preventDefault();
      const button = noteForm.querySelector('button');
      button.disabled = true;
      try {
        await Poka.send('POST', noteForm.dataset.url, { at: new Date(document.getElementById('note-at').value + 'Z').toISOString(),
          text: document.getElementById('note-text').value });
        sessionStorage.setItem('poka.message', 'Note added.');
        location.reload();
      } catch (e) {
        // shown by Poka.send
      } finally {
        button.disabled = false;
      }
    });
  }

  /** Tick steps in seconds: whole seconds at least, so no two ticks read the same. */
  const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
    172800, 604800, 2592000];

  /** Axis ticks in UTC, 24-hour: seconds on short ranges, the date on ranges over a day. */
  function timeTicks(u, splits) {
    const span = u.scales.x.max - u.scales.x.min;
    return splits.map(s => {
      const t = new Date(s * 1000).toISOString();
      return span > 86400 ? t.slice(5, 16).replace('T', ' ') : span > 900 ? t.slice(11, 16) : t.slice(11, 19);
    });
  }

  /** The y range with room above and below for the markers and their labels. */
  function padded(u, min, max) {
    const pad = (max - min) * 0.15 || Math.abs(max) * 0.1 || 1;
    return [min - pad, max + pad];
  }

  /**
   * Width of the value axis from its widest tick text (uPlot's fixed 50 px clipped "120.45" to "20.45"): the tick,
   * the gap and the text, measured in the axis's own font, on every pass while uPlot settles the ticks.
   */
  function valueAxisSize(u, values, axisIdx) {
    const axis = u.axes[axisIdx];
    let widest = 0;
    if (values && values.length) {
      u.ctx.save();
      u.ctx.font = axis.font[0];
      values.forEach(v => { widest = Math.max(widest, u.ctx.measureText(String(v)).width / devicePixelRatio); });
      u.ctx.restore();
    }
    return Math.ceil(Math.max(40, axis.ticks.size + axis.gap + widest + 2));
  }

  /**
   * What the value axis wrote, on the figure for readers and tests: its tick texts, their font and the room the
   * axis leaves them (CSS pixels between the plot's left edge, less tick and gap, and the canvas edge).
   */
  function recordTicks(u, fig) {
    const y = u.axes[1];
    fig.dataset.yTicks = JSON.stringify(y._values || []);
    fig.dataset.yFont = y.font[0];
    fig.dataset.yRoom = String(y._size - y.ticks.size - y.gap);
  }

  function onZoom(u) {
    if (syncing) { return; }
    const min = u.scales.x.min;
    const max = u.scales.x.max;
    syncing = true;
    plots.forEach(p => { if (p.u !== u) { p.u.setScale('x', { min: min, max: max }); } });
    syncing = false;
    zoomed = true;
    const params = new URLSearchParams(location.search);
    params.set('from', iso(Math.floor(min)));
    params.set('to', iso(Math.ceil(max)));
    history.replaceState(null, '', location.pathname + '?' + params.toString());
    document.getElementById('range-from').value = iso(Math.floor(min)).slice(0, 19);
    document.getElementById('range-to').value = iso(Math.ceil(max)).slice(0, 19);
    const status = document.getElementById('live-status');
    if (status) { status.dataset.zoomed = 'true'; }
  }

  function build(fig) {
    const name = fig.dataset.chart;
    const plot = { fig: fig, name: name, points: pointsOf(name).slice() };
    const target = fig.querySelector('.chart');
    const opts = {
      width: Math.max(300, target.clientWidth),
      height: target.classList.contains('companion') ? 200 : 320,
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      cursor: { drag: { x: true, y: false, setScale: true }, sync: { key: 'poka-chart' } },
      scales: { x: { time: true }, y: { range: padded } },
      axes: [{ label: 'Time (UTC)', values: timeTicks, space: 70, incrs: TIME_STEPS }, { size: valueAxisSize }],
      series: series(name, fig),
      hooks: {
        drawAxes: [u => drawPhase(u)],
        draw: [u => drawMarkers(u, plot), u => drawNotes(u, plot), u => recordTicks(u, fig)],
        setSelect: [u => { if (u.select.width > 0) { plot.selecting = true; } }],
        setScale: [(u, key) => { if (key === 'x' && plot.selecting) { plot.selecting = false; onZoom(u); } }]
      }
    };
    plot.u = new uPlot(opts, columns(name, plot.points, fig), target);
    plots.push(plot);
    fig.dataset.points = String(plot.points.length);
  }

  /** The companion chart shows the main chart's time range (a moving range starts one point later). */
  function alignX() {
    if (plots.length < 2 || zoomed) { return; }
    const x = plots[0].u.scales.x;
    syncing = true;
    plots.slice(1).forEach(p => p.u.setScale('x', { min: x.min, max: x.max }));
    syncing = false;
  }

  // Freezing phase I limits goes to the spc REST API (roles, validation and audit stay there); the inputs are UTC.
  const phaseOne = document.getElementById('phase-one-form');
  if (phaseOne) {
    phaseOne.addEventListener('submit', async event => {
      event.preventDefault();
      const utc = id => new Date(document.getElementById(id).value + 'Z').toISOString();
      const button = phaseOne.querySelector('button');
      button.disabled = true;
      try {
        const frozen = await Poka.send('POST', phaseOne.dataset.url, { from: utc('baseline-from'), to: utc('baseline-to'),
          iterate: document.getElementById('baseline-iterate').checked });
        sessionStorage.setItem('poka.message', 'Limits v' + frozen.version + ' frozen from ' + frozen.baselineCount + ' points.');
        location.reload();
      } catch (e) {
        // shown by Poka.send
      } finally {
        button.disabled = false;
      }
    });
  }

  document.querySelectorAll('figure[data-chart]').forEach(build);
  setTimeout(alignX, 0); // after uPlot's pending commit: a scale set before it leaves the y range unset
  window.addEventListener('resize', () => plots.forEach(p => {
    const target = p.fig.querySelector('.chart');
    p.u.setSize({ width: Math.max(300, target.clientWidth), height: p.u.height });
  }));

  // ---- live updates (variables and attribute charts in live mode) ----
  if (page.dataset.live !== 'true' || !page.dataset.stream) { return; }
  const MAX_LISTED = 200;
  const seen = new Set(Array.from(document.querySelectorAll('#violations-body tr[data-id], #stored-body tr[data-id]'))
    .map(r => r.dataset.id));
  const log = document.getElementById('live-log');

  function lastTime() {
    let last = 0;
    plots.forEach(p => { if (p.points.length) { last = Math.max(last, Date.parse(p.points[p.points.length - 1].time)); } });
    return last ? new Date(last).toISOString() : new Date().toISOString();
  }

  function announce(text) {
    const li = document.createElement('li');
    li.textContent = new Date().toISOString().slice(11, 19) + ' UTC — ' + text;
    log.prepend(li);
    while (log.children.length > 50) { log.lastElementChild.remove(); }
  }

  function cell(text, cls) {
    const td = document.createElement('td');
    if (cls) { td.className = cls; }
    td.textContent = text;
    return td;
  }

  function badge(ruleId) {
    const span = document.createElement('span');
    span.className = 'badge bad';
    span.textContent = ruleLabel(ruleId);
    return span;
  }

  /** A row for a stored violation not listed yet (null otherwise); its first cell holds the rule's badge. */
  function violationRow(v) {
    if (seen.has(v.violationId)) { return null; }
    seen.add(v.violationId);
    const tr = document.createElement('tr');
    tr.dataset.id = v.violationId;
    const rule = document.createElement('td');
    rule.append(badge(v.ruleId));
    tr.append(rule);
    return tr;
  }

  function addViolation(v) {
    const tr = violationRow(v);
    if (!tr) { return false; }
    const id = document.createElement('span');
    id.className = 'muted';
    id.textContent = ' ' + v.ruleId;
    tr.firstChild.append(id);
    const points = cell(String(v.pointTimes.length));
    points.title = v.pointTimes.join(', ');
    tr.append(cell(v.ruleDescription), cell(v.chart), cell(v.pointTimes[v.pointTimes.length - 1]), points,
      cell(Number(v.value).toFixed(3), 'num'), cell('v' + v.limitsVersion, 'num'));
    const body = document.getElementById('violations-body');
    body.prepend(tr);
    while (body.children.length > MAX_LISTED) { body.lastElementChild.remove(); }
    const table = document.getElementById('violations');
    const total = Number(table.dataset.count) + 1;
    table.dataset.count = String(total);
    document.getElementById('violation-count').textContent = String(total);
    document.getElementById('no-violations').hidden = true;
    announce('Rule violation ' + ruleLabel(v.ruleId) + ' (' + v.ruleDescription + ') on the ' + v.chart
      + ' chart at ' + v.pointTimes[v.pointTimes.length - 1]);
    return true;
  }

  /** Adds the new points to a plot; returns those drawn (later than its last point). */
  function append(p, fresh) {
    const last = p.points.length ? Date.parse(p.points[p.points.length - 1].time) : 0;
    const newer = fresh.filter(q => Date.parse(q.time) > last);
    if (newer.length === 0) { return newer; }
    p.points.push(...newer);
    p.u.setData(columns(p.name, p.points, p.fig), !zoomed);
    p.fig.dataset.points = String(p.points.length);
    return newer;
  }

  // attribute charts: a point where a rule fired goes into the points table (as the server renders it), a stored
  // violation into the stored violations table; stored violations are announced, or, in a phase I preview (nothing
  // stored), the rules fired on the new points.
  const plain = t => t.replace(/\.\d+Z$/, 'Z');
  const count = x => Number.isInteger(x) ? x.toFixed(1) : String(x);
  const num = x => x == null ? '—' : Number(x).toFixed(3);
  const limitsVersion = document.getElementById('limits-version');

  function addRulePoint(p) {
    const tr = document.createElement('tr');
    const rules = document.createElement('td');
    p.rules.forEach(r => rules.append(badge(r), ' '));
    tr.append(rules, cell(plain(p.time)), cell(count(p.count), 'num'), cell(count(p.size), 'num'),
      cell(num(p.value), 'num'), cell(num(p.lcl), 'num'), cell(num(p.ucl), 'num'));
    document.getElementById('violations-body').append(tr);
    if (!limitsVersion.dataset.version) {
      announce('Rule ' + p.rules.map(ruleLabel).join(', ') + ' fired at ' + plain(p.time)
        + ' (phase I preview: nothing is stored or alerted)');
    }
  }

  function addStored(v) {
    const body = document.getElementById('stored-body');
    const tr = body && violationRow(v);
    if (!tr) { return; }
    tr.firstChild.append(' ' + v.ruleDescription);
    tr.append(cell(v.pointTimes.map(plain).join(', ')), cell(num(v.value), 'num'), cell('v' + v.limitsVersion, 'num'));
    body.append(tr);
    body.closest('.table-wrap').hidden = false;
    document.getElementById('stored-none').hidden = true;
    announce('Rule violation ' + ruleLabel(v.ruleId) + ' (' + v.ruleDescription + ') at '
      + plain(v.pointTimes[v.pointTimes.length - 1]) + ', stored against limits v' + v.limitsVersion);
    if (String(v.limitsVersion) !== limitsVersion.dataset.version && !limitsVersion.dataset.newer) {
      limitsVersion.dataset.newer = String(v.limitsVersion);
      announce('New control limits v' + v.limitsVersion + ' are in force; reload the page to redraw the chart under them.');
    }
  }

  function applyAttribute(update) {
    append(plots[0], update.points || []).filter(p => p.rules && p.rules.length).forEach(addRulePoint);
    (update.violations || []).forEach(addStored);
  }

  function apply(update) {
    if (attribute) { applyAttribute(update); return; }
    plots.forEach(p => append(p, update.points[p.name] || []));
    setTimeout(alignX, 0);
    (update.violations || []).forEach(addViolation);
    const current = document.getElementById('limits-version');
    if (current && update.limitsVersion != null && String(update.limitsVersion) !== current.dataset.version) {
      current.dataset.version = String(update.limitsVersion);
      announce('New control limits v' + update.limitsVersion + ' are in force; reload the page to redraw the chart under them.');
    }
  }

  let source = null;
  function connect() {
    const stream = page.dataset.stream;
    source = new EventSource(stream + (stream.includes('?') ? '&' : '?') + 'after=' + encodeURIComponent(lastTime()));
    page.dataset.streamState = 'connecting';
    source.onopen = () => { page.dataset.streamState = 'open'; };
    source.onmessage = e => apply(JSON.parse(e.data));
    source.onerror = () => {
      source.close();
      page.dataset.streamState = 'reconnecting';
      setTimeout(connect, 3000);
    };
  }
  connect();
  window.addEventListener('pagehide', () => { if (source) { source.close(); } });
})();
