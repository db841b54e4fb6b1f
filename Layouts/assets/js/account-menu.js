/* The header's account menu, on every page. The static HTML (the same for everyone) shows "Sign in" and "Join", and
 * holds a hidden menu of every account page. Where this device holds a signed-in account — the first name and kind
 * `agora.js` keeps on sign-in and forgets on sign-out, never a token — the links give way to the menu, keeping the
 * entries of that kind. Links only: a page that needs the session checks it itself. */
(function () {
  'use strict';
  var links = document.getElementById('account-links');
  var menu = document.getElementById('account-menu');
  if (!links || !menu) return;
  var account = null;
  try { account = JSON.parse(localStorage.getItem('agora.account') || 'null'); } catch (error) { account = null; }
  if (!account || typeof account.name !== 'string') return;

  menu.querySelectorAll('li[data-for]').forEach(function (item) {
    if (item.getAttribute('data-for').split(' ').indexOf(account.type) < 0) item.remove();
  });
  menu.querySelectorAll('a').forEach(function (link) {
    if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
  });
  var summary = document.getElementById('account-name');
  summary.textContent = account.name || 'Your account';
  summary.setAttribute('aria-label', 'Account menu of ' + (account.name || 'your account'));
  menu.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  document.addEventListener('click', function (event) { if (menu.open && !menu.contains(event.target)) menu.open = false; });
  links.hidden = true;
  menu.hidden = false;
})();
