/* The island of a provider's page: "Favourite" (for a signed-in account; a visitor is sent to sign in and back) and
 * "Copy the link". The page's other actions are plain links written at build time. It also counts the view for the
 * provider's dashboard (`POST /api/views`, no cookie, nothing about the visitor), and offers `Agora.countView` to
 * the lightbox for portfolio views. */
(function () {
  'use strict';
  var favourite = document.getElementById('favourite');
  var copy = document.getElementById('copy-link');
  var page = document.querySelector('[data-provider-slug]');

  function countView(kind) {
    if (!page || !window.fetch) return;
    fetch('/api/views', {
      method: 'POST', keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ provider: page.getAttribute('data-provider-slug'), kind: kind })
    }).catch(function () { return null; });
  }
  Agora.countView = countView;
  countView('profile');

  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(copy.getAttribute('data-url')).then(function () {
        copy.textContent = 'Link copied';
        setTimeout(function () { copy.textContent = 'Copy the link'; }, 2000);
      });
    });
  }

  if (!favourite) return;
  var id = favourite.getAttribute('data-provider');
  var signedInHere = false;
  try { signedInHere = Boolean(localStorage.getItem('agora.account')); } catch (error) { signedInHere = false; }

  function show(on) {
    favourite.setAttribute('aria-pressed', String(on));
    favourite.textContent = on ? '♥ In your favourites' : '♡ Favourite';
  }

  function toSignIn() {
    location.href = Agora.paths.login + '?next=' + encodeURIComponent(location.pathname);
  }

  favourite.hidden = false;
  favourite.addEventListener('click', function () {
    if (!Agora.auth.token()) return toSignIn();
    var on = favourite.getAttribute('aria-pressed') !== 'true';
    Agora.api(on ? 'PUT' : 'DELETE', '/favorites/' + id).then(function (result) {
      if (result.ok) show(on);
    });
  });
  // Only a device with an account asks the service (a visitor's page makes no request).
  if (!signedInHere) return;
  Agora.auth.refresh().then(function (signedIn) {
    if (!signedIn) return;
    return Agora.api('GET', '/favorites').then(function (result) {
      if (!result.ok) return;
      show(result.data.favorites.some(function (entry) { return String(entry.provider.id) === id; }));
    });
  });
})();
