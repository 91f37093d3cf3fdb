// Bulk acknowledge on the incident and alert lists: <form data-bulk-api="POST /api/v1/.../acknowledge"
// data-bulk-table="table-id"> sends {ids: [...]} of the checked rows' data-bulk-id through the module's REST API;
// <input data-select-all="table-id"> checks or clears every row box of that table.
(function () {
  'use strict';

  document.addEventListener('change', function (event) {
    const all = event.target.closest('[data-select-all]');
    if (!all) { return; }
    document.querySelectorAll('#' + all.dataset.selectAll + ' input[data-bulk-id]').forEach(b => { b.checked = all.checked; });
  });

  document.addEventListener('submit', async function (event) {
    const form = event.target;
    if (!form.dataset || !form.dataset.bulkApi) { return; }
    event.preventDefault();
    const ids = Array.from(document.querySelectorAll('#' + form.dataset.bulkTable + ' input[data-bulk-id]:checked'))
      .map(b => b.dataset.bulkId);
    if (ids.length === 0) { window.Poka.show('problem', 'Select at least one row.'); return; }
    const [method, url] = form.dataset.bulkApi.split(' ');
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const answer = await window.Poka.send(method, url, { ids: ids });
      sessionStorage.setItem('poka.message', (form.dataset.message || 'Done.') + ' (' + answer.length + ')');
      window.location.reload();
    } catch (e) {
      // shown by Poka.send
    } finally {
      button.disabled = false;
    }
  });
})();
