// Baseline models page: pick a data set, target, features, split and trainer; train through the baselines REST API and
// show the evaluation and the permutation importance it returns.
(function () {
  'use strict';
  const TRAINERS = {
    CLASSIFICATION: ['logistic-regression', 'random-forest', 'xgboost'],
    REGRESSION: ['linear-sgd', 'random-forest', 'xgboost'],
    ANOMALY: ['pca-spe', 'pca-t2', 'dynamic-pca-spe', 'dynamic-pca-t2', 'one-class-svm', 'isolation-forest']
  };
  const HEADLINE = ['accuracy', 'balancedAccuracy', 'macroF1', 'rocAucMacroOneVsRest', 'rmse', 'mae',
    'rmseOfPredictingTrainMean', 'targetFalseAlarmRate', 'threshold', 'crossFittedFalseAlarmRate',
    'heldOutFalseAlarmRate', 'detectionRate', 'rocAuc', 'trainRows', 'testRows'];
  let trained = null;
  const $ = id => document.getElementById(id);
  let columns = [];

  function options(select, values, first) {
    select.replaceChildren();
    if (first !== undefined) { select.append(new Option(first, '')); }
    values.forEach(v => select.append(new Option(v, v)));
  }

  function fmt(v) {
    return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v);
  }

  function anomaly() {
    return $('bl-task').value === 'ANOMALY';
  }

  // every monitor of the side-by-side comparison; the VAE-GAN is the scoring module's
  const MONITORS = ['vae-gan'].concat(TRAINERS.ANOMALY);

  function monitorChoices() {
    const list = $('bl-monitor-list');
    if (list.children.length) { return; }
    MONITORS.forEach(m => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = m;
      box.checked = true;
      label.append(box, ' ' + m);
      list.append(label);
    });
  }

  async function compare() {
    const dataset = $('bl-dataset').value;
    if (!dataset) { Poka.show('error', 'Choose a data set first.'); return; }
    const body = request();
    delete body.trainer;
    delete body.task;
    body.monitors = Array.from($('bl-monitor-list').querySelectorAll('input:checked')).map(b => b.value);
    const hyper = $('bl-vae-hyper').value.trim();
    if (hyper && body.monitors.includes('vae-gan')) {
      try {
        body.vaeGanHyperparameters = JSON.parse(hyper);
      } catch (e) {
        Poka.show('error', 'The VAE-GAN hyperparameters are not valid JSON: ' + e.message);
        return;
      }
    }
    const button = $('bl-compare');
    button.disabled = true;
    try {
      const c = await Poka.send('POST', '/api/v1/baselines/datasets/' + encodeURIComponent(dataset)
        + '/anomaly-model-comparisons', body);
      const rows = c.monitors.map(m => {
        const tr = document.createElement('tr');
        tr.dataset.monitor = m.monitor;
        const model = m.line ? m.line + ' v' + m.modelVersion + ' (not active)' : m.modelVersion;
        [m.monitor, model].forEach(v => { const td = document.createElement('td'); td.textContent = v; tr.append(td); });
        [m.threshold, m.crossFittedFalseAlarmRate, m.heldOutFalseAlarmRate, m.normalTestFalseAlarmRate,
          m.detectionRate, m.rocAuc, m.detectionRateAtEqualFalseAlarm, m.trainingMillis].forEach(v => {
          const td = document.createElement('td');
          td.className = 'num';
          td.textContent = v === null || v === undefined ? '—' : fmt(v);
          tr.append(td);
        });
        return tr;
      });
      $('bl-comparison-table').tBodies[0].replaceChildren(...rows);
      $('bl-comparison-how').textContent = 'Target false-alarm rate ' + fmt(c.targetFalseAlarmRate)
        + '; equal rate ' + fmt(c.equalFalseAlarmRate) + ' set on ' + c.equalFalseAlarmOn + '; alarm rule '
        + c.alarmRule.kind + ' for every monitor; ' + c.training.trainRows + ' normal training rows.';
      $('bl-comparison').hidden = false;
      Poka.show('notice', 'Compared ' + c.monitors.length + ' monitors.');
      await models(dataset);
    } catch (e) {
      // the problem is already shown
    } finally {
      button.disabled = false;
    }
  }

  function trainers() {
    const current = $('bl-trainer').value;
    $('bl-anomaly').hidden = !anomaly();
    $('bl-compare-fields').hidden = !anomaly();
    monitorChoices();
    $('bl-target-label').textContent = anomaly() ? 'Label column (optional)' : 'Target column';
    $('bl-target').required = !anomaly();
    const target = $('bl-target').value;
    options($('bl-target'), columns, anomaly() ? '(none: every row is normal)' : undefined);
    if (columns.includes(target)) { $('bl-target').value = target; }
    if (anomaly()) { $('bl-split').value = 'TIME_ORDERED'; split(); }
    options($('bl-trainer'), TRAINERS[$('bl-task').value]);
    if (TRAINERS[$('bl-task').value].includes(current)) { $('bl-trainer').value = current; }
    features();
  }

  function features() {
    const skip = [$('bl-target').value];
    if ($('bl-split').value === 'TIME_ORDERED' && $('bl-order').value) { skip.push($('bl-order').value); }
    if ($('bl-split').value === 'GROUPED' && $('bl-group').value) { skip.push($('bl-group').value); }
    const list = $('bl-feature-list');
    list.replaceChildren();
    columns.forEach((c, i) => {
      const div = document.createElement('div');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.id = 'bl-feature-' + i;
      box.value = c;
      box.checked = !skip.includes(c);
      box.disabled = c !== '' && c === $('bl-target').value;
      const label = document.createElement('label');
      label.htmlFor = box.id;
      label.textContent = c;
      div.append(box, label);
      list.append(div);
    });
  }

  function split() {
    $('bl-order-field').hidden = $('bl-split').value !== 'TIME_ORDERED';
    $('bl-group-field').hidden = $('bl-split').value !== 'GROUPED';
    features();
  }

  async function models(dataset) {
    const table = $('bl-models');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    const comparison = await Poka.getJson('/api/v1/baselines/datasets/' + encodeURIComponent(dataset) + '/comparison');
    comparison.models.forEach(m => {
      const tr = document.createElement('tr');
      tr.dataset.modelId = m.id;
      [m.modelVersion, m.task, m.trainer,
        Object.entries(m.metrics).map(([k, v]) => k + ' ' + fmt(v)).join(', '),
        new Date(m.createdAt).toLocaleString() + ' by ' + m.createdBy].forEach(text => {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      });
      body.append(tr);
    });
    table.hidden = comparison.models.length === 0;
    $('bl-models-empty').hidden = comparison.models.length > 0;
    $('bl-models-empty').textContent = 'No model of this data set yet.';
  }

  async function dataset() {
    const option = $('bl-dataset').selectedOptions[0];
    if (!option || !option.value) { return; }
    if (option.dataset.builtin !== undefined) {
      columns = option.dataset.columns.split(',');
    } else {
      columns = (await Poka.getJson('/api/v1/scoring/datasets/' + option.value)).variables;
    }
    options($('bl-target'), columns);
    options($('bl-order'), columns, '(upload order)');
    options($('bl-group'), columns);
    if (option.dataset.task) {
      $('bl-task').value = option.dataset.task;
      $('bl-target').value = option.dataset.target;
    }
    trainers();
    features();
    await models(option.value);
  }

  function request() {
    const body = { trainer: $('bl-trainer').value, task: $('bl-task').value };
    if ($('bl-target').value) { body.targetColumn = $('bl-target').value; }
    if (anomaly()) {
      const a = {};
      const values = $('bl-normal-values').value.split(',').map(v => v.trim()).filter(v => v);
      if (values.length) { a.normalValues = values; }
      if ($('bl-normal-from').value !== '') { a.normalFrom = Number($('bl-normal-from').value); }
      if ($('bl-normal-to').value !== '') { a.normalTo = Number($('bl-normal-to').value); }
      if ($('bl-alpha').value !== '') { a.falseAlarmRate = Number($('bl-alpha').value); }
      body.anomaly = a;
    }
    body.featureColumns = Array.from($('bl-feature-list').querySelectorAll('input:checked')).map(b => b.value);
    const s = { kind: $('bl-split').value };
    if (s.kind === 'TIME_ORDERED' && $('bl-order').value) { s.orderColumn = $('bl-order').value; }
    if (s.kind === 'GROUPED') { s.groupColumn = $('bl-group').value; }
    if ($('bl-share').value !== '') { s.testShare = Number($('bl-share').value); }
    body.split = s;
    return body;
  }

  async function explain(event) {
    event.preventDefault();
    if (!trained) { return; }
    let parsed;
    try {
      parsed = JSON.parse($('bl-explain-row').value);
    } catch (e) {
      Poka.show('error', 'The row is not JSON: ' + e.message);
      return;
    }
    const rows = Array.isArray(parsed) ? parsed : [parsed];
    const answer = await Poka.send('POST', '/api/v1/baselines/models/' + trained.model.id
      + '/predictions?explain=true&ignoreExtraColumns=true', { rows: rows });
    const p = answer.predictions[answer.predictions.length - 1];
    $('bl-explain-summary').textContent = p.score !== undefined
      ? 'score ' + fmt(p.score) + ' against limit ' + fmt(p.threshold) + (p.anomalous ? ': anomalous' : ': normal')
        + (p.explanation ? '. ' + p.explanation.method : '')
      : 'predicted ' + (p.label !== undefined ? p.label : fmt(p.value));
    const body = $('bl-explanation').querySelector('tbody');
    body.replaceChildren();
    const terms = p.explanation ? p.explanation.contributions : [];
    terms.forEach(c => {
      const tr = document.createElement('tr');
      tr.dataset.feature = c.feature;
      [c.feature, fmt(c.contribution !== undefined ? c.contribution : c.weight)].forEach((text, i) => {
        const td = document.createElement('td');
        if (i > 0) { td.className = 'num'; }
        td.textContent = text;
        tr.append(td);
      });
      body.append(tr);
    });
    $('bl-explanation').hidden = terms.length === 0;
  }

  function show(detail) {
    trained = detail;
    $('bl-explanation').hidden = true;
    $('bl-explain-summary').textContent = '';
    $('bl-version').textContent = detail.model.modelVersion + ' (' + detail.model.trainer + ')';
    $('bl-protocol').textContent = detail.metrics.protocol || '';
    const metrics = $('bl-metrics').querySelector('tbody');
    metrics.replaceChildren();
    HEADLINE.filter(k => typeof detail.metrics[k] === 'number').forEach(k => {
      const tr = document.createElement('tr');
      tr.dataset.metric = k;
      const name = document.createElement('td');
      name.textContent = k;
      const value = document.createElement('td');
      value.className = 'num';
      value.textContent = fmt(detail.metrics[k]);
      tr.append(name, value);
      metrics.append(tr);
    });
    const imp = detail.metrics.permutationImportance;
    const rows = $('bl-importance').querySelector('tbody');
    rows.replaceChildren();
    if (imp) {
      $('bl-importance-how').textContent = imp.drop + '; ' + imp.repeats + ' repeats, seed ' + imp.seed + ', on '
        + imp.rows + ' rows (' + imp.on + ').';
      const top = Math.max(1e-12, ...imp.features.map(f => Math.abs(f.meanDrop)));
      imp.features.forEach(f => {
        const tr = document.createElement('tr');
        tr.dataset.feature = f.feature;
        const bar = document.createElement('meter');
        bar.min = 0;
        bar.max = 1;
        bar.value = Math.max(0, f.meanDrop) / top;
        bar.setAttribute('aria-label', 'relative importance of ' + f.feature);
        [f.feature, fmt(f.meanDrop), fmt(f.stdDrop)].forEach((text, i) => {
          const td = document.createElement('td');
          if (i > 0) { td.className = 'num'; }
          td.textContent = text;
          tr.append(td);
        });
        const cell = document.createElement('td');
        cell.append(bar);
        tr.append(cell);
        rows.append(tr);
      });
    }
    $('bl-result').hidden = false;
  }

  document.addEventListener('DOMContentLoaded', function () {
    trainers();
    $('bl-dataset').addEventListener('change', dataset);
    $('bl-task').addEventListener('change', trainers);
    $('bl-target').addEventListener('change', features);
    $('bl-split').addEventListener('change', split);
    $('bl-order').addEventListener('change', features);
    $('bl-explain-form').addEventListener('submit', explain);
    $('bl-compare').addEventListener('click', compare);
    $('bl-group').addEventListener('change', features);
    $('baseline-form').addEventListener('submit', async function (event) {
      event.preventDefault();
      const button = this.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const dataset = $('bl-dataset').value;
        const detail = await Poka.send('POST', '/api/v1/baselines/datasets/' + encodeURIComponent(dataset) + '/models',
          request());
        show(detail);
        Poka.show('notice', 'Trained and stored ' + detail.model.modelVersion + '.');
        await models(dataset);
      } catch (e) {
        // the problem is already shown
      } finally {
        button.disabled = false;
      }
    });
  });
}());
