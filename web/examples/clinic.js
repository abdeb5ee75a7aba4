// The made-up clinic's own script: lists what its Limber widgets report (the README's
// message schema), accepting messages only from the Limber origin its widgets come from.
(function () {
  'use strict';
  const limberOrigin = new URL(document.querySelector('script[src$="embed.js"]').src).origin;
  const log = document.getElementById('events');
  window.clinicEvents = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== limberOrigin || !event.data || event.data.source !== 'limber') return;
    window.clinicEvents.push(event.data);
    log.textContent += '\n' + JSON.stringify(event.data);
  });
})();
