/* /saved/ (signed in only): the saved searches, with their alert switch, and the favourite providers. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');

  var element = Agora.element;

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

  /** Reads a list from the API and draws one linked item per entry, or the empty message. */
  function load(path, key, listID, emptyID, draw) {
    return Agora.api('GET', path).then(function (result) {
      var list = document.getElementById(listID);
      list.textContent = '';
      if (!result.ok) { failed(result); return; }
      var entries = result.data[key];
      document.getElementById(emptyID).hidden = entries.length > 0;
      entries.forEach(function (entry) {
        var item = element('li');
        draw(entry, item);
        list.appendChild(item);
      });
    });
  }

  function link(text, url) {
    var anchor = element('a', null, text);
    anchor.href = url;
    return anchor;
  }

  function loadSaved() {
    return load('/search/saved', 'saved_searches', 'saved-searches-list', 'saved-empty', function (saved, item) {
      item.appendChild(link(saved.name, saved.url));
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
    });
  }

  function loadFavorites() {
    return load('/favorites', 'favorites', 'favorites-list', 'favorites-empty', function (favorite, item) {
      var provider = favorite.provider;
      item.appendChild(link(provider.name, provider.url));
      item.appendChild(element('span', 'muted', provider.title));
      item.appendChild(button('Remove', 'Remove ' + provider.name + ' from favourites', function () {
        Agora.api('DELETE', '/favorites/' + provider.id).then(function (answer) { if (answer.ok) loadFavorites(); else failed(answer); });
      }));
    });
  }

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    loadSaved();
    loadFavorites();
  });
})();
