// Models pages: follow a training job live (its REST status polled every second), compare a model with the
// anomaly baselines on its own data (and the supervised baselines on theirs), and draw the loss history. Actions go to the scoring REST API; roles and e-signatures are checked there.
(function () {
  'use strict';
  const POLL_MS = 1000;
  const STATUS = {
    QUEUED: ['info', 'Queued'], RUNNING: ['info', 'Running'], SUCCEEDED: ['good', 'Succeeded'],
    FAILED: ['bad', 'Failed'], CANCELLED: ['warn', 'Cancelled']
  };
  const fmt = (x, d) => (typeof x === 'number' && isFinite(x)) ? x.toFixed(d) : '–';
  const pct = x => (typeof x === 'number' && isFinite(x)) ? (100 * x).toFixed(1) + ' %' : '–';

  // ---- training progress ----
  let followed = null;

  function showJob(job) {
    const live = document.getElementById('job-live');
    if (!live) { return; }
    if (live.hidden) {
      live.hidden = false;
      live.scrollIntoView({ block: 'center' });
    }
    document.getElementById('job-live-title').textContent = 'Training line ' + job.line + ' (job ' + job.id.substring(0, 8) + ')';
    const bar = document.getElementById('job-progress');
    bar.max = job.epochs;
    bar.value = job.epoch;
    bar.setAttribute('aria-valuemax', job.epochs);
    bar.setAttribute('aria-valuenow', job.epoch);
    bar.setAttribute('aria-valuetext', 'epoch ' + job.epoch + ' of ' + job.epochs);
    const [kind, word] = STATUS[job.status] || ['info', job.status];
    const badge = document.getElementById('job-status');
    badge.className = 'badge ' + kind;
    badge.textContent = word;
    document.getElementById('job-epoch').textContent = 'epoch ' + job.epoch + ' of ' + job.epochs;
    const l = job.lastLoss;
    document.getElementById('job-losses').textContent = l
      ? 'Losses at epoch ' + l.epoch + ': reconstruction ' + fmt(l.reconstruction, 4) + ', KL ' + fmt(l.kl, 4)
        + ', adversarial ' + fmt(l.adversarial, 4) + ', discriminator ' + fmt(l.discriminator, 4)
      : (job.error || 'No epoch finished yet.');
    const cancel = document.getElementById('job-cancel');
    if (cancel) { cancel.hidden = !(job.status === 'QUEUED' || job.status === 'RUNNING'); }
  }

  async function poll(id) {
    followed = id;
    let job;
    try {
      job = await Poka.getJson('/api/v1/scoring/training-jobs/' + id);
    } catch (e) {
      setTimeout(() => poll(id), POLL_MS * 3);
      return;
    }
    if (followed !== id) { return; }
    showJob(job);
    if (job.status === 'QUEUED' || job.status === 'RUNNING') {
      setTimeout(() => poll(id), POLL_MS);
    } else if (job.status === 'SUCCEEDED') {
      sessionStorage.setItem('poka.message', 'Training of line ' + job.line + ' finished: the new version is in the registry (inactive until promoted).');
      window.location.reload();
    } else {
      Poka.show(job.status === 'FAILED' ? 'problem' : 'notice', 'Training ' + job.status.toLowerCase() + (job.error ? ': ' + job.error : '.'));
    }
  }

  document.addEventListener('poka:done', function (event) {
    if (event.target.id === 'train-form' && event.detail && event.detail.id) {
      showJob(event.detail);
      poll(event.detail.id);
    }
  });

  document.addEventListener('click', async function (event) {
    if (event.target.id === 'job-cancel' && followed) {
      try {
        await Poka.send('POST', '/api/v1/scoring/training-jobs/' + followed + '/cancel');
        Poka.show('notice', 'Cancellation requested: the job stops at its next batch.');
      } catch (e) { /* shown */ }
    }
  });

  // ---- comparison with baselines (the input is not named "dataset": a form control of that name would shadow form.dataset) ----
  function cell(row, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.appendChild(td);
    return td;
  }

  function badge(kind, text) {
    const b = document.createElement('span');
    b.className = 'badge ' + kind;
    b.textContent = text;
    return b;
  }

  function metricsText(m) {
    return Object.entries(m || {}).map(([k, v]) => k + ' ' + (typeof v === 'number' ? fmt(v, 4) : v)).join(', ');
  }

  function renderComparison(form, name, body) {
    const out = document.getElementById('comparison');
    out.replaceChildren();
    const own = form.dataset.fingerprint;
    const head = document.createElement('p');
    head.textContent = 'Data set ' + body.dataset + ' (' + body.task.toLowerCase() + '), fingerprint ' + body.dataFingerprint.substring(0, 12)
      + (body.dataFingerprint === own ? ' — the same data as this model.' : ' — not the data this model was trained on.');
    out.appendChild(head);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    table.id = 'comparison-table';
    table.innerHTML = '<thead><tr><th scope="col">Model</th><th scope="col">Trainer</th><th scope="col">Metrics</th>'
      + '<th scope="col" class="num">Training ms</th><th scope="col" class="num">Rows/s</th><th scope="col">Fingerprint</th>'
      + '<th scope="col">Same data as this model</th></tr></thead>';
    const tbody = document.createElement('tbody');
    const mine = document.createElement('tr');
    mine.className = 'own';
    cell(mine, 'This model (VAE-GAN v' + form.dataset.modelVersion + ')');
    cell(mine, 'vae-gan');
    cell(mine, 'threshold ' + fmt(Number(form.dataset.threshold), 4) + ', target false alarms ' + pct(Number(form.dataset.alpha))
      + ', cross-calibrated false alarms ' + (form.dataset.cross ? pct(Number(form.dataset.cross)) : '–'));
    cell(mine, form.dataset.trainingMs, 'num');
    cell(mine, '–', 'num');
    cell(mine, own.substring(0, 12));
    cell(mine, '').appendChild(badge('good', 'itself'));
    tbody.appendChild(mine);
    for (const m of body.models) {
      const tr = document.createElement('tr');
      cell(tr, m.modelVersion);
      cell(tr, m.trainer);
      cell(tr, metricsText(m.metrics));
      cell(tr, String(m.trainingMs), 'num');
      cell(tr, fmt(m.rowsPerSecond, 0), 'num');
      cell(tr, (m.dataFingerprint || '').substring(0, 12));
      cell(tr, '').appendChild(m.dataFingerprint === own ? badge('good', 'same data') : badge('warn', 'other data'));
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    wrap.appendChild(table);
    out.appendChild(wrap);
    if (!body.models.length) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.textContent = 'No baseline model is stored for ' + name + ' yet.';
      out.appendChild(p);
    }
  }

  function isBaselinesDataset(input) {
    const options = input.list ? Array.from(input.list.options).map(o => o.value) : [];
    return input.value !== '' && options.includes(input.value);
  }

  async function compare(form) {
    const name = form.elements.baselineDataset.value.trim();
    const out = document.getElementById('comparison');
    if (!name) { return; }
    const response = await fetch('/api/v1/baselines/datasets/' + encodeURIComponent(name) + '/comparison',
      { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
    if (response.status === 404) {
      const p = document.createElement('p');
      p.className = 'notice';
      p.textContent = 'The baselines module has no data set named "' + name + '". Choose one it has (e.g. steel-plates, cmapss-fd001).';
      out.replaceChildren(p);
      return;
    }
    if (!response.ok) {
      const p = document.createElement('p');
      p.className = 'problem';
      p.textContent = 'Comparison unavailable: ' + response.status + ' ' + response.statusText;
      out.replaceChildren(p);
      return;
    }
    renderComparison(form, name, await response.json());
  }

  document.addEventListener('submit', function (event) {
    if (event.target.id === 'comparison-form') {
      event.preventDefault();
      compare(event.target);
    }
  });

  // ---- anomaly monitors on the model's own training data (baselines module, POST/GET /anomaly-comparisons) ----
  const MONITORS = { 'pca-t2': 'PCA T²', 'pca-spe': 'PCA SPE (Q)', 'dynamic-pca-t2': 'Dynamic PCA T²',
    'dynamic-pca-spe': 'Dynamic PCA SPE (Q)', 'one-class-svm': 'One-class SVM', 'isolation-forest': 'Isolation forest' };
  const utc = iso => iso ? new Date(iso).toISOString().replace('T', ' ').substring(0, 19) + ' UTC' : '–';

  function monitorName(m, section) {
    if (m.kind !== 'vae-gan') { return MONITORS[m.model] || m.model; }
    const own = m.hyperparameters && m.hyperparameters.modelId === section.dataset.modelId;
    return '◆ VAE-GAN ' + m.model.replace('vae-gan ', '') + (own ? ' (this model)' : '');
  }

  function comparisonArticle(c, section) {
    const article = document.createElement('article');
    article.className = 'anomaly-comparison';
    article.dataset.comparisonId = c.id;
    const h = document.createElement('h3');
    h.textContent = 'Comparison of ' + utc(c.createdAt) + (c.createdBy ? ' by ' + c.createdBy : '');
    article.appendChild(h);
    const facts = document.createElement('p');
    facts.textContent = 'Split: ' + c.trainingRows + ' training rows, ' + c.calibrationRows + ' held-out calibration rows; target false-alarm rate '
      + pct(c.falseAlarmRate) + '. Fault data sets: '
      + c.faultDatasets.map(f => f.name + ' (' + f.rows + ' rows, fault from row ' + f.onsetRow + ')').join(', ') + '.';
    article.appendChild(facts);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    table.className = 'anomaly-table';
    const caption = document.createElement('caption');
    caption.className = 'visually-hidden';
    caption.textContent = 'Every monitor side by side; ◆ marks the VAE-GAN';
    table.appendChild(caption);
    const thead = document.createElement('thead');
    thead.innerHTML = '<tr><th scope="col">Monitor</th><th scope="col" class="num">Threshold</th><th scope="col" class="num">Detection rate (mean)</th>'
      + '<th scope="col" class="num">Detection delay, rows (mean)</th><th scope="col" class="num">Faults never detected</th>'
      + '<th scope="col" class="num">False alarms (held-out)</th><th scope="col" class="num">False alarms (cross-calibrated)</th>'
      + '<th scope="col" class="num">ROC AUC</th><th scope="col" class="num">Training ms</th><th scope="col" class="num">Rows/s</th></tr>';
    table.appendChild(thead);
    const tbody = document.createElement('tbody');
    for (const m of c.models) {
      const tr = document.createElement('tr');
      tr.dataset.model = m.model;
      if (m.kind === 'vae-gan') { tr.className = 'own'; }
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = monitorName(m, section);
      th.title = m.provenance || '';
      tr.appendChild(th);
      cell(tr, fmt(m.threshold, 6), 'num threshold').dataset.value = m.threshold;
      cell(tr, pct(m.meanDetectionRate), 'num detection').dataset.value = m.meanDetectionRate;
      cell(tr, m.meanDetectionDelayRows == null ? '–' : fmt(m.meanDetectionDelayRows, 1), 'num');
      cell(tr, String(m.runsNeverDetected), 'num');
      cell(tr, pct(m.falseAlarmRate), 'num');
      cell(tr, pct(m.crossCalibratedFalseAlarmRate), 'num');
      cell(tr, fmt(m.rocAuc, 3), 'num');
      cell(tr, String(m.trainingMs), 'num');
      cell(tr, fmt(m.rowsPerSecond, 0), 'num');
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    wrap.appendChild(table);
    article.appendChild(wrap);
    if (c.faultDatasets.length > 1) { article.appendChild(perFault(c, section)); }
    return article;
  }

  /** Detection rate / delay / AUC of every monitor on each fault data set. */
  function perFault(c, section) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Per fault data set: detection rate, delay (rows), ROC AUC';
    details.appendChild(summary);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    const head = document.createElement('tr');
    head.innerHTML = '<th scope="col">Monitor</th>';
    c.faultDatasets.forEach(f => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = f.name; head.appendChild(th); });
    const thead = document.createElement('thead');
    thead.appendChild(head);
    table.appendChild(thead);
    const tbody = document.createElement('tbody');
    for (const m of c.models) {
      const tr = document.createElement('tr');
      if (m.kind === 'vae-gan') { tr.className = 'own'; }
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = monitorName(m, section);
      tr.appendChild(th);
      for (const r of m.runs) {
        cell(tr, pct(r.detectionRate) + ' / ' + (r.detectionDelayRows == null ? 'never' : r.detectionDelayRows) + ' / ' + fmt(r.rocAuc, 3));
      }
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    wrap.appendChild(table);
    details.appendChild(wrap);
    return details;
  }

  async function loadAnomalyComparisons(section) {
    const out = document.getElementById('anomaly-comparisons');
    let list;
    try {
      list = await Poka.getJson('/api/v1/baselines/anomaly-comparisons?datasetId=' + encodeURIComponent(section.dataset.datasetId));
    } catch (e) {
      return; // shown in #messages
    }
    if (out.querySelector('article.fresh')) { return; } // a comparison run meanwhile is already shown with the new one
    out.replaceChildren(...list.map(c => comparisonArticle(c, section)));
    if (!list.length) {
      const p = document.createElement('p');
      p.className = 'muted';
      p.id = 'anomaly-none';
      p.textContent = 'No anomaly comparison is stored for this data set yet.';
      out.appendChild(p);
    }
  }

  async function runAnomalyComparison(form) {
    const section = document.getElementById('anomaly-section');
    const faults = [...form.querySelectorAll('input[name=fault]:checked')].map(box => {
      const onset = document.getElementById('onset-' + box.value).value.trim();
      return onset === '' ? { datasetId: box.value } : { datasetId: box.value, onsetRow: Number(onset) };
    });
    const busy = document.getElementById('anomaly-busy');
    if (!faults.length) {
      Poka.show('problem', 'Choose at least one fault data set.');
      return;
    }
    const button = document.getElementById('anomaly-run');
    const out = document.getElementById('anomaly-comparisons');
    button.disabled = true;
    out.setAttribute('aria-busy', 'true');
    busy.textContent = '⏳ Fitting the six baselines and scoring ' + faults.length + ' fault data set(s)…';
    try {
      const c = await Poka.send('POST', '/api/v1/baselines/anomaly-comparisons',
        { datasetId: section.dataset.datasetId, vaeGanModelIds: [section.dataset.modelId], faultDatasets: faults });
      const none = document.getElementById('anomaly-none');
      if (none) { none.remove(); }
      const article = comparisonArticle(c, section);
      article.classList.add('fresh');
      out.prepend(article);
      Poka.show('notice', 'Comparison stored: ' + c.models.length + ' monitors on ' + c.faultDatasets.length + ' fault data set(s).');
      busy.textContent = '✓ Done.';
    } catch (e) {
      busy.textContent = '';
    } finally {
      button.disabled = false;
      out.setAttribute('aria-busy', 'false');
    }
  }

  document.addEventListener('submit', function (event) {
    if (event.target.id === 'anomaly-form') {
      event.preventDefault();
      runAnomalyComparison(event.target);
    }
  });

  // ---- loss history chart ----
  function lossChart() {
    const holder = document.getElementById('loss-chart');
    const data = document.getElementById('loss-data');
    if (!holder || !data || typeof uPlot === 'undefined') { return; }
    const rows = JSON.parse(data.textContent);
    if (!rows.length) { return; }
    const cols = [0, 1, 2, 3, 4].map(c => rows.map(r => r[c]));
    const series = [{ label: 'epoch' },
      { label: 'reconstruction', stroke: '#0072b2', width: 2 },
      { label: 'KL', stroke: '#e69f00', width: 2, dash: [6, 3] },
      { label: 'adversarial', stroke: '#009e73', width: 2, dash: [2, 2] },
      { label: 'discriminator', stroke: '#cc79a7', width: 2, dash: [10, 4] }];
    new uPlot({ width: Math.max(280, holder.clientWidth), height: 240, scales: { x: { time: false } }, series: series,
      axes: [{ label: 'epoch' }, { label: 'loss' }] }, cols, holder);
  }

  document.addEventListener('DOMContentLoaded', function () {
    lossChart();
    const anomaly = document.getElementById('anomaly-section');
    if (anomaly && document.getElementById('anomaly-comparisons')) { loadAnomalyComparisons(anomaly); }
    const form = document.getElementById('comparison-form');
    // Compare on load only for a data set the baselines module has (the datalist): a scoring data set's name
    // (e.g. a TEP run) would only fetch a 404.
    if (form && isBaselinesDataset(form.elements.baselineDataset)) { compare(form); }
    const open = document.querySelector('#jobs tr[data-open="true"]');
    if (open) { poll(open.dataset.jobId); }
  });
})();
