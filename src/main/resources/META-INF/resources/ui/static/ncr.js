// NCR page: the material-review table (live reconciliation of each lot's quantities against its suspect quantity,
// one signed request for all lines), the investigation form and the attachment upload; all go to the
// nonconformance REST API.
(function () {
  'use strict';

  function reconcile(row) {
    let sum = 0;
    row.querySelectorAll('input.qty').forEach(i => { sum += Number(i.value || 0); });
    const suspect = Number(row.dataset.suspect);
    const cell = row.querySelector('.reconcile');
    cell.textContent = sum + ' / ' + suspect + (sum === suspect ? ' ✓' : ' ✗');
    cell.classList.toggle('bad', sum !== suspect);
    return sum === suspect;
  }

  document.addEventListener('input', function (event) {
    const row = event.target.closest && event.target.closest('tr[data-suspect]');
    if (row) { reconcile(row); }
  });

  document.addEventListener('submit', async function (event) {
    const form = event.target;
    if (form.dataset.ncrDisposition) {
      event.preventDefault();
      const lines = [];
      form.querySelectorAll('tr[data-lot]').forEach(row => {
        row.querySelectorAll('input.qty').forEach(i => {
          if (Number(i.value || 0) > 0) {
            lines.push({ lotId: row.dataset.lot, decision: i.dataset.decision, quantity: Number(i.value) });
          }
        });
      });
      const problem = form.querySelector('.dialog-problem');
      try {
        await Poka.send('POST', form.dataset.ncrDisposition, {
          lines: lines, reason: form.querySelector('#disp-reason').value,
          signature: { password: form.querySelector('#disp-password').value, meaning: 'APPROVAL' }
        });
        sessionStorage.setItem('poka.message', 'Disposition recorded.');
        window.location.reload();
      } catch (e) {
        problem.textContent = '⚠ Not recorded, nothing was changed: ' + e.message;
        problem.hidden = false;
        form.querySelector('#disp-password').value = '';
      }
    } else if (form.dataset.ncrAttachments) {
      event.preventDefault();
      uploadAttachments(form);
    } else if (form.dataset.ncrInvestigation) {
      event.preventDefault();
      const method = form.querySelector('#inv-method').value;
      const items = form.querySelector('#inv-whys').value.split('\n').map(s => s.trim()).filter(s => s);
      const body = { method: method, rootCauseCategory: form.querySelector('#inv-category').value,
        rootCause: form.querySelector('#inv-cause').value };
      if (method === 'FIVE_WHY') { body.whys = items; }
      if (method === 'ISHIKAWA') { body.ishikawa = { method: items }; }
      if (method === 'EIGHT_D') { body.eightD = { d4RootCause: items.join('\n') }; }
      try {
        await Poka.send('PUT', form.dataset.ncrInvestigation, body);
        sessionStorage.setItem('poka.message', 'Investigation saved.');
        window.location.reload();
      } catch (e) { /* Poka.send shows the problem */ }
    }
  });

  // ---- attachments: each file is sent as its raw bytes; the server judges the type by the content and refuses
  // what is not an image or PDF, too large, or declared as another type; each answer is listed, refusals as such.
  const ALLOWED = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];

  async function uploadAttachments(form) {
    const input = form.querySelector('input[type=file]');
    const results = document.getElementById('attachment-results');
    const button = form.querySelector('button');
    results.replaceChildren();
    button.disabled = true;
    let stored = 0;
    for (const file of Array.from(input.files)) {
      const item = document.createElement('li');
      item.dataset.file = file.name;
      results.appendChild(item);
      item.textContent = 'Uploading ' + file.name + '…';
      try {
        const response = await fetch(form.dataset.ncrAttachments + '?fileName=' + encodeURIComponent(file.name), {
          method: 'POST', credentials: 'same-origin', body: file,
          headers: { 'Accept': 'application/json',
            'Content-Type': ALLOWED.includes(file.type) ? file.type : 'application/octet-stream' }
        });
        const body = await response.json().catch(() => ({}));
        if (response.ok) {
          stored++;
          item.className = 'notice';
          item.textContent = '✓ ' + file.name + ' stored: ' + body.sizeBytes + ' bytes, SHA-256 ' + body.sha256;
        } else {
          item.className = 'problem';
          item.setAttribute('role', 'alert');
          item.textContent = '⚠ ' + file.name + ' refused: ' + (body.title || response.status) + (body.detail ? ' — ' + body.detail : '');
        }
      } catch (e) {
        item.className = 'problem';
        item.textContent = '⚠ ' + file.name + ' not sent: ' + e.message;
      }
    }
    button.disabled = false;
    input.value = '';
    if (stored > 0 && !results.querySelector('.problem')) {
      sessionStorage.setItem('poka.message', stored + ' attachment' + (stored > 1 ? 's' : '') + ' stored.');
      window.location.reload();
    } else if (stored > 0) {
      const reload = document.createElement('li');
      const link = document.createElement('a');
      link.href = window.location.pathname + '#attachments-card';
      link.id = 'attachments-reload';
      link.textContent = 'Show the stored attachments';
      link.addEventListener('click', () => window.location.reload());
      reload.appendChild(link);
      results.appendChild(reload);
    }
  }
})();
