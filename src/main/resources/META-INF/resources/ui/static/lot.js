// Lot page: the electronic-signature dialogs. A signed decision goes to the lots REST API like every other action;
// a refusal (wrong password, stale version, illegal move) is shown inside the dialog, where the signer is looking,
// and the password field is cleared for another try.
(function () {
  'use strict';

  document.addEventListener('submit', async function (event) {
    const form = event.target;
    if (!form.dataset || !form.dataset.signApi) { return; }
    event.preventDefault();
    const [method, url] = form.dataset.signApi.split(' ');
    const problem = form.querySelector('.dialog-problem');
    const password = form.querySelector('input[type=password]');
    const buttons = form.querySelectorAll('button');
    problem.hidden = true;
    problem.textContent = '';
    buttons.forEach(b => b.disabled = true);
    try {
      await Poka.send(method, url, Poka.formJson(form), form.dataset.ifMatch ? { 'If-Match': form.dataset.ifMatch } : {});
      sessionStorage.setItem('poka.message', form.dataset.message || 'Signed.');
      window.location.reload();
    } catch (e) {
      problem.textContent = '⚠ Not signed, nothing was changed: ' + e.message;
      problem.hidden = false;
      password.value = '';
      password.focus();
    } finally {
      buttons.forEach(b => b.disabled = false);
    }
  });
})();
