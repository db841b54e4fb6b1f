/* What every page shows above its header: the maintenance banner staff set in the platform settings, and, in a tab
 * where a staff member views an account read-only, whose pages these are and until when, with the way out. Pages are
 * built once and served as files, so the notice is asked for when a page opens (the browser keeps the answer a
 * minute). Text only, through textContent. */
(function () {
  'use strict';
  var VIEW_KEY = 'agora.viewAs';

  function banner(className, text) {
    var box = document.createElement('div');
    box.className = className;
    box.setAttribute('role', 'status');
    var line = document.createElement('p');
    line.className = 'container';
    line.textContent = text;
    box.appendChild(line);
    var header = document.querySelector('.site-header');
    if (header) header.parentNode.insertBefore(box, header);
    else document.body.insertBefore(box, document.body.firstChild);
    return line;
  }

  // A view opened from the users page arrives in the address's fragment (never sent to a server), and is kept for
  // this tab only.
  if (location.hash.indexOf('#view-as=') === 0) {
    try {
      sessionStorage.setItem(VIEW_KEY, decodeURIComponent(location.hash.slice('#view-as='.length)));
    } catch (error) { /* storage refused: no view */ }
    history.replaceState(null, '', location.pathname + location.search);
  }
  var view = null;
  try { view = JSON.parse(sessionStorage.getItem(VIEW_KEY) || 'null'); } catch (error) { view = null; }
  if (view && view.user) {
    var ended = Date.parse(view.expires_at) <= Date.now();
    var until = new Date(view.expires_at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    var line = banner('view-banner', ended
      ? 'The read-only view of ' + view.user.first_name + ' ' + view.user.last_name + '\u2019s account has ended. '
      : 'You are viewing the pages as ' + view.user.first_name + ' ' + view.user.last_name + ' (' + view.user.email + '), read-only, until ' + until + '. ');
    var stop = document.createElement('button');
    stop.type = 'button';
    stop.className = 'link-button';
    stop.id = 'view-stop';
    stop.textContent = 'Stop viewing';
    stop.addEventListener('click', function () {
      sessionStorage.removeItem(VIEW_KEY);
      location.href = '/admin/users/?id=' + encodeURIComponent(view.user.id);
    });
    line.appendChild(stop);
  }

  fetch('/api/public/notice', { headers: { Accept: 'application/json' } }).then(function (response) {
    return response.ok ? response.json() : null;
  }).then(function (notice) {
    if (notice && notice.maintenance_banner) banner('site-notice', notice.maintenance_banner);
  }).catch(function () { /* no notice when the service cannot be reached */ });
})();
