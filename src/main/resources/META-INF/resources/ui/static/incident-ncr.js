// Incident page, "Open a nonconformance report": choosing one anomaly as the evidence opens the report from that
// anomaly (source ANOMALY with its id), otherwise from the incident; the form itself is sent by poka.js.
(function () {
  'use strict';
  document.addEventListener('change', function (event) {
    if (event.target.id !== 'open-ncr-anomaly') { return; }
    document.getElementById('open-ncr-source').value = event.target.value ? 'ANOMALY' : 'INCIDENT';
  });
})();
