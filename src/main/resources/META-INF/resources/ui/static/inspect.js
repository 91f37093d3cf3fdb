// Inspector's tablet page: values are marked out of spec as they are typed (the same rule as the server's
// VerdictCalculator: a value is in spec when LSL <= value <= USL), the draft lives in localStorage with one
// Idempotency-Key, and a submit that meets no network (or a lost answer) is retried with the same key and body until
// the server answers; the server records it once and replays its first answer.
(function () {
  'use strict';

  const form = document.getElementById('inspection-form');
  if (!form) { return; }
  const lotId = form.dataset.lot;
  const planId = form.dataset.plan;
  const STORE = 'poka.inspection-draft.' + lotId + '.' + planId;
  const RETRY_MS = 3000;
  const statusLine = document.getElementById('draft-status');
  const submitButton = document.getElementById('submit-inspection');
  const previews = document.getElementById('photo-previews');
  let sending = false;
  let retryTimer = null;

  function randomKey() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE)); } catch (e) { return null; }
  }

  let draft = load() || { key: 'tablet-' + randomKey(), values: {}, nonconforming: {}, defects: {}, remarks: '',
    photos: [], pending: null, recorded: null };

  function save() {
    try {
      localStorage.setItem(STORE, JSON.stringify(draft));
    } catch (e) {
      // photos can exceed the storage quota: keep them in this page only, the results on the tablet
      try { localStorage.setItem(STORE, JSON.stringify(Object.assign({}, draft, { photos: [] }))); } catch (e2) { /* full */ }
    }
  }

  function say(text) { statusLine.textContent = text; }

  // ---- live out-of-spec marking and the verdict so far --------------------------------------------------------

  function number(attr) { return attr === undefined ? null : Number(attr); }

  function outOfSpec(input) {
    if (input.value.trim() === '') { return false; }
    const v = Number(input.value);
    const lsl = number(input.dataset.lsl);
    const usl = number(input.dataset.usl);
    return !Number.isFinite(v) || (lsl !== null && v < lsl) || (usl !== null && v > usl);
  }

  function mark(input) {
    const bad = outOfSpec(input);
    input.classList.toggle('out-of-spec', bad);
    input.setAttribute('aria-invalid', bad ? 'true' : 'false');
    input.parentElement.querySelector('.mark').textContent = bad ? '⚠ out of spec' : '';
  }

  /** Per defect class: sample units with any variable out of spec (a unit counts once) plus the attribute count. */
  function tally() {
    const units = {};
    form.querySelectorAll('fieldset.variable').forEach(fs => {
      const set = units[fs.dataset.class] = units[fs.dataset.class] || new Set();
      fs.querySelectorAll('input.value').forEach(i => { if (outOfSpec(i)) { set.add(i.dataset.unit); } });
    });
    document.querySelectorAll('#sampling-table tbody tr').forEach(row => {
      const c = row.dataset.class;
      const attr = form.querySelector('input.nonconforming[data-class="' + c + '"]');
      const found = (units[c] ? units[c].size : 0) + (attr ? Math.max(0, parseInt(attr.value || '0', 10) || 0) : 0);
      row.querySelector('.tally').textContent = String(found);
      const accept = found < Number(row.dataset.re);
      row.querySelector('.forecast').innerHTML = '';
      const badge = document.createElement('span');
      badge.className = 'badge ' + (accept ? 'good' : 'bad');
      badge.textContent = accept ? 'Accept' : 'Reject';
      row.querySelector('.forecast').appendChild(badge);
    });
  }

  // ---- the draft: form <-> localStorage -------------------------------------------------------------------------

  function defectRow(c, code, count) {
    const box = form.querySelector('.defect-codes[data-class="' + c + '"]');
    const row = document.createElement('div');
    row.className = 'defect-row';
    const n = box.children.length + 1;
    row.innerHTML = '<input class="code" list="defect-codes" maxlength="64" autocomplete="off">'
      + '<input class="count" type="number" min="1" step="1" inputmode="numeric">'
      + '<button type="button" class="remove-defect">Remove</button>';
    row.querySelector('.code').setAttribute('aria-label', c + ' defect code ' + n);
    row.querySelector('.count').setAttribute('aria-label', c + ' defect code ' + n + ', count');
    row.querySelector('.code').value = code || '';
    row.querySelector('.count').value = count || 1;
    box.appendChild(row);
    return row;
  }

  function capture() {
    draft.values = {};
    form.querySelectorAll('fieldset.variable').forEach(fs => {
      draft.values[fs.dataset.characteristic] = Array.from(fs.querySelectorAll('input.value'), i => i.value);
    });
    draft.nonconforming = {};
    draft.defects = {};
    form.querySelectorAll('input.nonconforming').forEach(i => { draft.nonconforming[i.dataset.class] = i.value; });
    form.querySelectorAll('.defect-codes').forEach(box => {
      draft.defects[box.dataset.class] = Array.from(box.querySelectorAll('.defect-row'),
        r => ({ code: r.querySelector('.code').value, count: r.querySelector('.count').value }));
    });
    draft.remarks = document.getElementById('remarks').value;
    save();
  }

  function restore() {
    form.querySelectorAll('fieldset.variable').forEach(fs => {
      const values = draft.values[fs.dataset.characteristic] || [];
      fs.querySelectorAll('input.value').forEach((i, k) => { i.value = values[k] || ''; mark(i); });
    });
    form.querySelectorAll('input.nonconforming').forEach(i => {
      if (draft.nonconforming[i.dataset.class] !== undefined) { i.value = draft.nonconforming[i.dataset.class]; }
    });
    Object.keys(draft.defects || {}).forEach(c => (draft.defects[c] || []).forEach(d => defectRow(c, d.code, d.count)));
    document.getElementById('remarks').value = draft.remarks || '';
    (draft.photos || []).forEach(preview);
    tally();
  }

  /** The request body, or null (with the first missing field focused) when the form is incomplete. */
  function body() {
    const variables = [];
    for (const fs of form.querySelectorAll('fieldset.variable')) {
      const values = [];
      for (const i of fs.querySelectorAll('input.value')) {
        if (i.value.trim() === '' || !Number.isFinite(Number(i.value))) {
          Poka.show('problem', i.getAttribute('aria-label') + ' has no value.');
          i.focus();
          return null;
        }
        values.push(Number(i.value));
      }
      variables.push({ characteristic: fs.dataset.characteristic, values: values });
    }
    const catalogue = new Set(Array.from(document.querySelectorAll('#defect-codes option'), o => o.value));
    for (const code of form.querySelectorAll('.defect-row .code')) {
      if (code.value.trim() !== '' && catalogue.size && !catalogue.has(code.value.trim())) {
        Poka.show('problem', 'Defect code ' + code.value.trim() + ' is not in the catalogue; choose one of the offered codes.');
        code.focus();
        return null;
      }
    }
    const attributes = [];
    for (const i of form.querySelectorAll('input.nonconforming')) {
      const defects = Array.from(form.querySelectorAll('.defect-codes[data-class="' + i.dataset.class + '"] .defect-row'))
        .map(r => ({ code: r.querySelector('.code').value.trim(), count: Number(r.querySelector('.count').value) }))
        .filter(d => d.code !== '');
      attributes.push({ defectClass: i.dataset.class, nonconforming: Number(i.value || '0'),
        defects: defects.length ? defects : null });
    }
    const remarks = document.getElementById('remarks').value.trim();
    return { lotId: lotId, planId: planId, variables: variables, attributes: attributes, remarks: remarks || null };
  }

  function lock(locked) {
    form.querySelectorAll('input, textarea, button').forEach(el => {
      if (el.id !== 'discard-draft') { el.disabled = locked; }
    });
  }

  // ---- photos ------------------------------------------------------------------------------------------------------

  function preview(photo) {
    const figure = document.createElement('figure');
    const img = document.createElement('img');
    img.src = photo.dataUrl;
    img.alt = 'Photo ' + photo.name;
    const caption = document.createElement('figcaption');
    caption.textContent = photo.name + (photo.uploaded ? ' ✓ stored' : '');
    figure.append(img, caption);
    previews.appendChild(figure);
  }

  document.getElementById('photos').addEventListener('change', function (event) {
    Array.from(event.target.files).forEach(file => {
      const reader = new FileReader();
      reader.onload = () => {
        const photo = { name: file.name, type: file.type, dataUrl: reader.result, uploaded: false };
        draft.photos.push(photo);
        preview(photo);
        save();
        say('Draft saved on this tablet (' + draft.photos.length + ' photo' + (draft.photos.length > 1 ? 's' : '') + ').');
      };
      reader.readAsDataURL(file);
    });
    event.target.value = '';
  });

  function bytesOf(dataUrl) {
    const binary = atob(dataUrl.substring(dataUrl.indexOf(',') + 1));
    const out = new Uint8Array(binary.length);
    for (let k = 0; k < binary.length; k++) { out[k] = binary.charCodeAt(k); }
    return out;
  }

  /** Uploads what is not stored yet; the server keys photos by SHA-256, so a repeated upload stores once. */
  async function uploadPhotos(inspectionId) {
    const status = document.getElementById('photo-status');
    for (const photo of draft.photos) {
      if (photo.uploaded) { continue; }
      const response = await fetch('/api/v1/inspections/' + inspectionId + '/photos', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': photo.type || 'application/octet-stream', 'Accept': 'application/json',
          'X-File-Name': encodeURIComponent(photo.name) },
        body: bytesOf(photo.dataUrl)
      });
      if (response.status >= 400 && response.status < 500) {
        const problem = await response.json().catch(() => ({}));
        photo.uploaded = 'refused';
        status.textContent = '⚠ Photo ' + photo.name + ' was refused: ' + (problem.detail || response.status);
        save();
        continue;
      }
      if (!response.ok) { throw new Error('photo upload answered ' + response.status); }
      const stored = await response.json();
      photo.uploaded = true;
      photo.sha256 = stored.sha256;
      save();
    }
    const stored = draft.photos.filter(p => p.uploaded === true);
    if (stored.length) {
      status.textContent = stored.length + ' photo' + (stored.length > 1 ? 's' : '') + ' stored with the inspection (SHA-256 '
        + stored.map(p => p.sha256.substring(0, 12) + '…').join(', ') + ').';
    }
  }

  // ---- submission with retries -------------------------------------------------------------------------------

  function showVerdict(view, replayed) {
    const box = document.getElementById('verdict');
    const word = view.lotStatus ? view.lotStatus.replace(/_/g, ' ').toLowerCase() : null;
    document.getElementById('verdict-summary').innerHTML = '';
    const badge = document.createElement('span');
    badge.id = 'verdict-badge';
    badge.className = 'badge big ' + (view.accepted ? 'good' : 'bad');
    badge.textContent = view.accepted ? 'Accepted' : 'Not accepted';
    const text = document.createElement('span');
    text.textContent = (word ? ' — the lot is now ' + word + '.' : '') + (replayed
      ? ' The server had already recorded this draft; this is its recorded answer.' : '');
    document.getElementById('verdict-summary').append(badge, text);
    const body = document.querySelector('#verdict-table tbody');
    body.innerHTML = '';
    view.classes.forEach(c => {
      const out = c.characteristics.filter(ch => ch.unitsOutOfSpec.length)
        .map(ch => ch.name + ': unit ' + ch.unitsOutOfSpec.map(u => u + 1).join(', ')).join('; ');
      const tr = document.createElement('tr');
      [c.defectClass, c.severity || '—', c.sampleSize, c.acceptanceNumber, c.rejectionNumber, c.nonconforming, out || '—']
        .forEach((v, k) => {
          const td = document.createElement(k === 0 ? 'th' : 'td');
          if (k === 0) { td.scope = 'row'; } else if (k >= 2 && k <= 5) { td.className = 'num'; }
          td.textContent = String(v);
          tr.appendChild(td);
        });
      const verdict = document.createElement('td');
      verdict.innerHTML = '<span class="badge ' + (c.accepted ? 'good">Accepted' : 'bad">Rejected') + '</span>';
      tr.appendChild(verdict);
      body.appendChild(tr);
    });
    box.dataset.inspection = view.id;
    const ncrForm = document.getElementById('ncr-form');
    ncrForm.hidden = view.accepted;
    const outOfSpec = view.classes.some(c => c.characteristics.some(ch => ch.unitsOutOfSpec.length));
    const code = document.getElementById('ncr-defect-code');
    if (outOfSpec && code.querySelector('option[value="DIM-OOT"]')) { code.value = 'DIM-OOT'; }
    box.hidden = false;
    form.hidden = true;
    box.scrollIntoView();
    document.getElementById('verdict-title').focus();
    box.dispatchEvent(new CustomEvent('poka:verdict', { detail: view, bubbles: true }));
  }

  function retryLater(why) {
    say('⟳ ' + why + ' The inspection is kept on this tablet and is sent again automatically (key ' + draft.key + ').');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(send, RETRY_MS);
  }

  async function send() {
    if (sending || !draft.pending) { return; }
    sending = true;
    clearTimeout(retryTimer);
    say('Sending…');
    let response;
    try {
      response = await fetch('/api/v1/inspections', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'Content-Type': 'application/json', 'Idempotency-Key': draft.key },
        body: JSON.stringify(draft.pending)
      });
    } catch (e) {
      sending = false;
      retryLater('No network.');
      return;
    }
    sending = false;
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
      retryLater('The server answered ' + response.status + '.');
      return;
    }
    if (response.status === 401) {
      say('⚠ Your session has ended: sign in again in another tab; the inspection is kept and sent again.');
      retryTimer = setTimeout(send, RETRY_MS);
      return;
    }
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      const fields = (problem.errors || []).map(e => e.field + ': ' + e.message).join('; ');
      Poka.show('problem', [problem.title, problem.detail, fields].filter(Boolean).join(' — ') || String(response.status));
      say('Not recorded; correct the draft and submit again.');
      draft.pending = null;
      // a refused body may not be sent again under the same key with other content
      draft.key = 'tablet-' + randomKey();
      save();
      lock(false);
      return;
    }
    const view = await response.json();
    draft.pending = null;
    draft.recorded = view;
    draft.replayed = response.headers.get('Idempotent-Replayed') === 'true';
    save();
    finish();
  }

  async function finish() {
    showVerdict(draft.recorded, draft.replayed);
    try {
      await uploadPhotos(draft.recorded.id);
      localStorage.removeItem(STORE);
    } catch (e) {
      document.getElementById('photo-status').textContent = '⟳ Photos not stored yet; trying again.';
      setTimeout(finish, RETRY_MS);
    }
  }

  // A failed verdict opens a nonconformance report from the inspection; one key per inspection, so a retried
  // click never opens two reports.
  document.getElementById('ncr-form').addEventListener('submit', async function (event) {
    event.preventDefault();
    const inspectionId = document.getElementById('verdict').dataset.inspection;
    const button = document.getElementById('open-ncr');
    button.disabled = true;
    try {
      const ncr = await Poka.send('POST', '/api/v1/ncrs', { source: 'INSPECTION', inspectionId: inspectionId,
        defectCode: document.getElementById('ncr-defect-code').value }, { 'Idempotency-Key': 'ncr-from-inspection-' + inspectionId });
      event.target.hidden = true;
      const status = document.getElementById('ncr-status');
      status.textContent = '';
      const strong = document.createElement('strong');
      strong.id = 'ncr-number';
      strong.dataset.ncr = ncr.id;
      strong.textContent = ncr.number;
      const link = document.createElement('a');
      link.id = 'ncr-link';
      link.href = '/ui/ncrs/' + ncr.id;
      link.textContent = 'Open the report';
      status.append('Nonconformance report ', strong, ' opened (' + ncr.defectCode + ', severity ' + ncr.severity
        + ', owner ' + ncr.owner + '). QA decides the lot\'s disposition. ', link);
    } catch (e) {
      button.disabled = false;
    }
  });

  form.addEventListener('input', function (event) {
    if (event.target.classList.contains('value')) { mark(event.target); }
    tally();
    capture();
    say('Draft saved on this tablet.');
  });

  form.addEventListener('click', function (event) {
    if (event.target.classList.contains('add-defect')) {
      defectRow(event.target.dataset.class).querySelector('.code').focus();
      capture();
    } else if (event.target.classList.contains('remove-defect')) {
      event.target.closest('.defect-row').remove();
      capture();
    }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (draft.pending) { send(); return; }
    capture();
    const b = body();
    if (!b) { return; }
    draft.pending = b;
    save();
    lock(true);
    send();
  });

  document.getElementById('discard-draft').addEventListener('click', function () {
    localStorage.removeItem(STORE);
    window.location.reload();
  });

  window.addEventListener('online', send);

  restore();
  if (draft.recorded) {
    finish();
  } else if (draft.pending) {
    lock(true);
    send();
  } else if (Object.keys(draft.values).length || draft.photos.length) {
    say('Draft restored from this tablet.');
  }
})();
