// NCR page: the material-review table (live reconciliation of each lot's quantities against its suspect quantity,
// one signed request for all lines) and the investigation form; both go to the nonconformance REST API.
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
})();
