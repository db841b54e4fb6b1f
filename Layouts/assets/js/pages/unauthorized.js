/* /unauthorized/: offers to sign in with another account and come back. */
(function () {
  'use strict';
  var next = Agora.auth.nextPath('');
  if (next) document.getElementById('unauthorized-login').href = Agora.paths.login + '?next=' + encodeURIComponent(next);
})();
