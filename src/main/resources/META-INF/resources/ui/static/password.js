// The change-password page: the two new passwords must agree before the form goes to the API (poka.js sends it).
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    const form = document.getElementById('password-form');
    if (!form) { return; }
    form.addEventListener('submit', function (event) {
      if (form.elements.newPassword.value !== document.getElementById('confirm-password').value) {
        event.preventDefault();
        event.stopImmediatePropagation();
        Poka.show('problem', 'The two new passwords differ.');
      }
    });
  });
})();
