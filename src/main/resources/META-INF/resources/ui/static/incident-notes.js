// Notes on an incident: read from GET /api/v1/incidents/{id}/notes on load and every few seconds (polling), so a
// note written by someone else shows up without reloading; one's own notes can be deleted.
(function () {
  'use strict';
  const POLL_MS = 3000;

  function render(section, notes) {
    const list = document.getElementById('notes-list');
    const me = section.dataset.me;
    const items = notes.map(n => {
      const li = document.createElement('li');
      li.className = 'incident-note';
      li.dataset.note = n.id;
      const head = document.createElement('span');
      head.className = 'muted';
      head.textContent = n.author + ', ' + n.createdAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') + ': ';
      const text = document.createElement('span');
      text.className = 'note-text';
      text.textContent = n.text;
      li.append(head, text);
      if (n.author === me) {
        const del = document.createElement('button');
        del.type = 'button';
        del.className = 'note-delete';
        del.dataset.note = n.id;
        del.textContent = 'Delete';
        del.setAttribute('aria-label', 'Delete your note: ' + n.text);
        li.append(' ', del);
      }
      return li;
    });
    if (items.length === 0) {
      const li = document.createElement('li');
      li.className = 'muted';
      li.id = 'no-notes';
      li.textContent = 'No notes yet.';
      items.push(li);
    }
    list.replaceChildren(...items);
    section.dataset.count = String(notes.length);
  }

  async function refresh(section) {
    try {
      render(section, await window.Poka.getJson('/api/v1/incidents/' + section.dataset.incident + '/notes'));
    } catch (e) {
      // shown by Poka.send; the next poll tries again
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    const section = document.getElementById('incident-notes');
    if (!section) { return; }
    refresh(section);
    setInterval(() => refresh(section), POLL_MS);
    section.addEventListener('poka:done', function (event) {
      if (event.target.id === 'note-form') {
        document.getElementById('note-text').value = '';
        refresh(section);
      }
    });
    section.addEventListener('click', async function (event) {
      const button = event.target.closest('.note-delete');
      if (!button) { return; }
      button.disabled = true;
      try {
        await window.Poka.send('DELETE', '/api/v1/incidents/' + section.dataset.incident + '/notes/'
          + button.dataset.note);
        window.Poka.show('notice', 'Note deleted.');
      } catch (e) {
        button.disabled = false;
      }
      refresh(section);
    });
  });
})();
