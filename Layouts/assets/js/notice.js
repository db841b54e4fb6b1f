/* The platform's notice at the top of every page: the maintenance banner staff set in the platform settings. Pages
 * are built once and served as files, so the notice is asked for when a page opens (the browser keeps the answer a
 * minute). Text only, through textContent. */
(function () {
  'use strict';
  fetch('/api/public/notice', { headers: { Accept: 'application/json' } }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (notice) {
    if (!notice || !notice.maintenance_banner) return;
    var banner = document.createElement('div');
    banner.className = 'site-notice';
    banner.setAttribute('role', 'status');
    var text = document.createElement('p');
    text.className = 'container';
    text.textContent = notice.maintenance_banner;
    banner.appendChild(text);
    var header = document.querySelector('.site-header');
    if (header) header.parentNode.insertBefore(banner, header);
    else document.body.insertBefore(banner, document.body.firstChild);
  }).catch(function () { /* no notice when the service cannot be reached */ });
})();
