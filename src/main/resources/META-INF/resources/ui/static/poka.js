// Poka web UI helpers: actions go to the modules' own REST API (same origin, session cookie), so the UI adds no
// rules of its own; errors come back as application/problem+json and are shown where the user is looking.
(function () {
  'use strict';

  function show(kind, text) {
    const box = document.getElementById('messages');
    if (!box) { return; }
    const p = document.createElement('p');
    p.className = kind;
    p.setAttribute('role', kind === 'problem' ? 'alert' : 'status');
    p.textContent = (kind === 'problem' ? '⚠ ' : '') + text;
    box.replaceChildren(p);
  }

  async function problemText(response) {
    try {
      const body = await response.json();
      const fields = (body.errors || []).map(e => (e.field ? e.field + ': ' : '') + e.message).join('; ');
      return [body.title, body.detail, fields].filter(Boolean).join(' — ');
    } catch (e) {
      return response.status + ' ' + response.statusText;
    }
  }

  /** Sends JSON to the API; resolves with the parsed answer, or shows the problem and rejects. */
  async function send(method, url, body, headers) {
    const response = await fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: Object.assign({ 'Accept': 'application/json', 'Content-Type': 'application/json' }, headers || {}),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) {
      const text = await problemText(response);
      show('problem', text);
      const error = new Error(text);
      error.status = response.status;
      throw error;
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  async function getJson(url) {
    return send('GET', url);
  }

  /** Form fields to a JSON object; a name like "signature.password" makes a nested object, data-type="number" a number. */
  function formJson(form) {
    const out = {};
    for (const el of form.elements) {
      if (!el.name || el.disabled || el.dataset.skip !== undefined) { continue; }
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) { continue; }
      let value = el.value;
      if (value === '' && el.dataset.optional !== undefined) { continue; }
      if (el.dataset.type === 'number') { value = value === '' ? null : Number(value); }
      if (el.dataset.type === 'boolean') { value = el.checked; }
      const path = el.name.split('.');
      let target = out;
      for (let i = 0; i < path.length - 1; i++) { target = target[path[i]] = target[path[i]] || {}; }
      target[path[path.length - 1]] = value;
    }
    return out;
  }

  // <form data-api="POST /api/v1/..." data-done="reload|message text" [data-if-match="etag"]> submits as JSON.
  document.addEventListener('submit', async function (event) {
    const form = event.target;
    if (!form.dataset || !form.dataset.api) { return; }
    event.preventDefault();
    const [method, url] = form.dataset.api.split(' ');
    const headers = {};
    if (form.dataset.ifMatch) { headers['If-Match'] = form.dataset.ifMatch; }
    const buttons = form.querySelectorAll('button');
    buttons.forEach(b => b.disabled = true);
    try {
      const answer = await send(method, url, formJson(form), headers);
      const dialog = form.closest('dialog');
      if (dialog) { dialog.close(); }
      form.dispatchEvent(new CustomEvent('poka:done', { detail: answer, bubbles: true }));
      const done = form.dataset.done || 'reload';
      if (done === 'reload') {
        sessionStorage.setItem('poka.message', form.dataset.message || 'Done.');
        window.location.reload();
      } else if (done.startsWith('go:')) {
        window.location.href = done.substring(3).replace('{id}', answer && answer.id ? answer.id : '');
      } else {
        show('notice', done);
      }
    } catch (e) {
      // already shown
    } finally {
      buttons.forEach(b => b.disabled = false);
    }
  });

  // <button data-open="dialog-id"> opens a <dialog>; <button data-close> closes the one it is in.
  document.addEventListener('click', function (event) {
    const opener = event.target.closest('[data-open]');
    if (opener) {
      const dialog = document.getElementById(opener.dataset.open);
      if (dialog) { dialog.showModal(); const first = dialog.querySelector('input,select,textarea,button'); if (first) { first.focus(); } }
    }
    const closer = event.target.closest('[data-close]');
    if (closer) { const d = closer.closest('dialog'); if (d) { d.close(); } }
  });

  document.addEventListener('DOMContentLoaded', function () {
    const message = sessionStorage.getItem('poka.message');
    if (message) { sessionStorage.removeItem('poka.message'); show('notice', message); }
  });

  window.Poka = { send: send, getJson: getJson, show: show, formJson: formJson };
})();
