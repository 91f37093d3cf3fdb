// Audit page: the signed export is POSTed to the audit module's own endpoint with the session cookie and saved as a
// browser download; the whole-chain verification is the module's GET /verification.
(function () {
  'use strict';

  // datetime-local gives "yyyy-MM-ddTHH:mm[:ss]" without a zone; the page says the times are UTC.
  function utcInstant(value) {
    if (!value) { return undefined; }
    return (value.length === 16 ? value + ':00' : value) + 'Z';
  }

  async function problemText(response) {
    try {
      const p = await response.json();
      const fields = (p.errors || []).map(e => e.field + ': ' + e.message).join('; ');
      return [p.title, p.detail, fields].filter(Boolean).join(' — ');
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  const form = document.getElementById('export');
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    const body = {
      from: utcInstant(form.elements.from.value),
      to: utcInstant(form.elements.to.value),
      formats: Array.from(form.querySelectorAll('input[name=formats]:checked')).map(c => c.value)
    };
    for (const name of ['entityType', 'entityId', 'user']) {
      if (form.elements[name].value.trim()) { body[name] = form.elements[name].value.trim(); }
    }
    if (body.formats.length === 0) { Poka.show('problem', 'Choose at least one format.'); return; }
    const button = document.getElementById('download-export');
    button.disabled = true;
    try {
      let response = await fetch('/api/v1/audit/exports', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/zip, application/problem+json' },
        body: JSON.stringify(body)
      });
      if (response.status === 202) {
        // a large selection runs as an export job: follow its progress, then fetch the ZIP
        const job = response.headers.get('Location');
        let status = await response.json();
        while (status.state === 'QUEUED' || status.state === 'RUNNING') {
          Poka.show('notice', 'Export running: ' + status.entriesWritten + ' of ' + status.entriesTotal + ' entries.');
          await new Promise(r => setTimeout(r, 1000));
          status = await Poka.getJson(job);
        }
        if (status.state !== 'SUCCEEDED') { Poka.show('problem', 'The export failed: ' + status.error); return; }
        response = await fetch(status.download, { credentials: 'same-origin' });
      }
      if (!response.ok) { Poka.show('problem', await problemText(response)); return; }
      const blob = await response.blob();
      const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') || '');
      const name = match ? match[1] : 'poka-audit-export.zip';
      const link = document.getElementById('export-link');
      if (link.href) { URL.revokeObjectURL(link.href); }
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.textContent = 'Download ' + name + ' again';
      link.hidden = false;
      link.click();
      Poka.show('notice', 'Signed export ' + name + ' downloaded (' + blob.size + ' bytes, manifest SHA-256 '
        + response.headers.get('X-Manifest-SHA256') + ').');
    } catch (e) {
      Poka.show('problem', 'The export failed: ' + e.message);
    } finally {
      button.disabled = false;
    }
  });

  document.getElementById('verify-all').addEventListener('click', async function () {
    const out = document.getElementById('verify-all-result');
    out.textContent = 'Verifying…';
    try {
      const v = await Poka.getJson('/api/v1/audit/verification');
      out.textContent = (v.valid ? '✓ Whole chain verified: ' : '▲ Chain broken: ') + v.entriesChecked + ' entries, '
        + v.signaturesChecked + ' signatures checked'
        + (v.firstBroken ? '; first broken entry ' + v.firstBroken.sequence + ' (' + v.firstBroken.problem + ')' : '')
        + (v.firstBrokenSignature ? '; first unbound signature on entry ' + v.firstBrokenSignature.entrySequence : '')
        + '.';
    } catch (e) {
      out.textContent = '';
    }
  });
})();
