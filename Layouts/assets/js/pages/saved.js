/* /saved/ (signed in only): the saved searches, with their alert switch, and the favourite providers. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(text, label, onClick) {
    var node = element('button', 'link-button', text);
    node.type = 'button';
    node.setAttribute('aria-label', label);
    node.addEventListener('click', onClick);
    return node;
  }

  function failed(result) {
    Agora.forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function loadSaved() {
    return Agora.api('GET', '/search/saved').then(function (result) {
      var list = document.getElementById('saved-searches-list');
      list.textContent = '';
      if (!result.ok) { failed(result); return; }
      document.getElementById('saved-empty').hidden = result.data.saved_searches.length > 0;
      result.data.saved_searches.forEach(function (saved) {
        var item = element('li');
        var link = element('a', null, saved.name);
        link.href = saved.url;
        item.appendChild(link);
        var alert = element('label', 'inline-check');
        var box = element('input');
        box.type = 'checkbox';
        box.checked = saved.alert;
        box.addEventListener('change', function () {
          Agora.api('PATCH', '/search/saved/' + saved.id, { body: { alert: box.checked } }).then(function (answer) {
            if (!answer.ok) { box.checked = !box.checked; failed(answer); return; }
            document.getElementById('saved-page-status').textContent =
              (answer.data.alert ? 'New matches of “' : 'No more emails for “') + answer.data.name + (answer.data.alert ? '” will be emailed.' : '”.');
          });
        });
        alert.appendChild(box);
        alert.appendChild(document.createTextNode(' Email me new matches'));
        item.appendChild(alert);
        item.appendChild(button('Delete', 'Delete ' + saved.name, function () {
          Agora.api('DELETE', '/search/saved/' + saved.id).then(function (answer) { if (answer.ok) loadSaved(); else failed(answer); });
        }));
        list.appendChild(item);
      });
    });
  }

  function loadFavorites() {
    return Agora.api('GET', '/favorites').then(function (result) {
      var list = document.getElementById('favorites-list');
      list.textContent = '';
      if (!result.ok) { failed(result); return; }
      document.getElementById('favorites-empty').hidden = result.data.favorites.length > 0;
      result.data.favorites.forEach(function (favorite) {
        var provider = favorite.provider;
        var item = element('li');
        var link = element('a', null, provider.name);
        link.href = provider.url;
        item.appendChild(link);
        item.appendChild(element('span', 'muted', provider.title));
        item.appendChild(button('Remove', 'Remove ' + provider.name + ' from favourites', function () {
          Agora.api('DELETE', '/favorites/' + provider.id).then(function (answer) { if (answer.ok) loadFavorites(); else failed(answer); });
        }));
        list.appendChild(item);
      });
    });
  }

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    loadSaved();
    loadFavorites();
  });
})();
