// Diagnosis panels (incident, anomaly timeline, NCR investigation): the likely fault of a window with its
// probabilities and the unknown verdict, and similar past events with their causes and corrective actions, read from
// /ui/diagnosis/... (always a 200: the diagnosis or why there is none) and /api/v1/diagnosis/...similar-events when the page loads (or when a point is selected on the anomaly timeline).
(function () {
  'use strict';

  function cell(row, text, cls) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) { td.className = cls; }
    row.append(td);
    return td;
  }

  function problemText(response, body) {
    return (body && (body.detail || body.title)) || ('HTTP ' + response.status);
  }

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => null);
    if (!response.ok) { throw new Error(problemText(response, body)); }
    return body;
  }

  function renderDiagnosis(panel, d) {
    const verdict = panel.querySelector('.diagnosis-verdict');
    verdict.textContent = d.unknown
      ? 'Unknown: the window matches none of the model\'s classes well (distance ' + d.distance.toFixed(2)
        + ' beyond the radius ' + d.radius.toFixed(2) + ' of the nearest, ' + d.likely[0].label + ').'
      : 'Likely ' + d.verdict + ' (probability ' + (100 * d.likely[0].probability).toFixed(1) + ' %).';
    verdict.dataset.verdict = d.verdict;
    // the most probable class is normal or one the model cannot tell from normal: say so beside the verdict
    let lookalike = panel.querySelector('.diagnosis-lookalike');
    if (!lookalike) {
      lookalike = document.createElement('p');
      lookalike.className = 'diagnosis-lookalike';
      verdict.after(lookalike);
    }
    lookalike.textContent = d.indistinguishableFromNormal ? 'Not distinguishable from normal: ' + d.indistinguishableReason : '';
    lookalike.hidden = !d.indistinguishableFromNormal;
    const table = panel.querySelector('.diagnosis-classes');
    const body = table.querySelector('tbody');
    body.replaceChildren(...d.likely.map(c => {
      const tr = document.createElement('tr');
      tr.dataset.label = c.label;
      cell(tr, c.label);
      cell(tr, (100 * c.probability).toFixed(1) + ' %', 'num');
      return tr;
    }));
    table.hidden = false;
    panel.querySelector('.diagnosis-trace').textContent = 'Model ' + d.dataset + ' version ' + d.modelVersion
      + ', window of ' + d.rows + ' rows' + (d.windowFrom ? ' from ' + d.windowFrom + ' to ' + d.windowTo : '') + '.';
    panel.dataset.state = 'done';
  }

  function renderSimilar(section, events) {
    const list = section.querySelector('.similar-list');
    if (events.length === 0) {
      const p = document.createElement('li');
      p.className = 'muted';
      p.textContent = 'No earlier incident is similar enough.';
      list.replaceChildren(p);
    } else {
      list.replaceChildren(...events.map(e => {
        const li = document.createElement('li');
        li.dataset.incident = e.incidentId;
        const a = document.createElement('a');
        a.href = '/ui/incidents/' + e.incidentId;
        a.textContent = e.summary || ('Incident on ' + e.line);
        const score = document.createElement('span');
        score.className = 'similarity';
        score.textContent = ' similarity ' + e.similarity.toFixed(2) + ' (shared: ' + e.sharedVariables.join(', ') + ')';
        li.append(a, score);
        const cause = document.createElement('div');
        cause.className = 'similar-cause';
        cause.textContent = 'Cause: ' + (e.cause || 'not recorded yet');
        li.append(cause);
        e.actions.forEach(x => {
          const act = document.createElement('div');
          act.className = 'similar-action';
          act.textContent = x.ncrNumber + (x.rootCauseCategory ? ' (' + x.rootCauseCategory + ')' : '')
            + (x.capaNumber ? ': ' + x.capaNumber + ' ' + x.capaTitle + ' [' + x.capaStatus + ']' : '');
          li.append(act);
        });
        return li;
      }));
    }
    section.dataset.state = 'done';
  }

  async function loadDiagnosis(panel, url) {
    panel.dataset.state = 'loading';
    try {
      const p = await getJson(url);
      if (!p.diagnosis) { throw new Error(p.reason); }
      renderDiagnosis(panel, p.diagnosis);
    } catch (e) {
      panel.querySelector('.diagnosis-verdict').textContent = 'No diagnosis: ' + e.message;
      panel.dataset.state = 'failed';
    }
  }

  async function loadSimilar(section) {
    try {
      renderSimilar(section, await getJson(section.dataset.similarUrl));
    } catch (e) {
      section.querySelector('.similar-list').textContent = 'No similar events: ' + e.message;
      section.dataset.state = 'failed';
    }
  }

  document.querySelectorAll('[data-diagnosis-url]').forEach(p => loadDiagnosis(p, p.dataset.diagnosisUrl));
  document.querySelectorAll('[data-similar-url]').forEach(loadSimilar);
  const timelinePanel = document.querySelector('[data-diagnosis-line]');
  if (timelinePanel) {
    document.addEventListener('anomaly-point-selected', e => loadDiagnosis(timelinePanel, '/ui/diagnosis/lines/'
      + encodeURIComponent(timelinePanel.dataset.diagnosisLine) + '?at=' + encodeURIComponent(e.detail.at)));
  }
})();
