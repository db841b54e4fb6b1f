/* /notifications/ (signed in only): the person's notifications, newest first — the inbox, the unread ones or the
 * archive, by category and text, a page at a time; each marked read, or archived; all marked read at once. Tabs are
 * told when something was read, as the header's bell is. Every text is set as text. */
(function () {
  'use strict';
  var page = document.querySelector('[data-guard]');
  var element = Agora.element;
  var form = document.getElementById('notification-filters');
  var list = document.getElementById('notification-list');
  var more = document.getElementById('notification-more');
  var channel = 'BroadcastChannel' in window ? new BroadcastChannel('agora-notifications') : null;
  var days = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var next = null;

  function failed(result) {
    Agora.forms.showAlert((result.data && result.data.detail) || 'That did not work. Try again in a moment.');
  }

  function query() {
    var view = document.getElementById('notification-view').value;
    var parameters = new URLSearchParams({ limit: '20' });
    if (view === 'unread') parameters.set('unread', 'true');
    if (view === 'archived') parameters.set('archived', 'true');
    var category = document.getElementById('notification-category').value;
    if (category) parameters.set('category', category);
    var text = document.getElementById('notification-q').value.trim();
    if (text) parameters.set('q', text);
    return parameters;
  }

  /** Other tabs hear it on the channel; this page's own bell by an event. */
  function told() {
    if (channel) channel.postMessage('read');
    window.dispatchEvent(new Event('agora:notifications-read'));
  }

  function action(text, label, onClick) {
    var node = element('button', 'link-button', text);
    node.type = 'button';
    node.setAttribute('aria-label', label);
    node.addEventListener('click', onClick);
    return node;
  }

  function item(notification) {
    var entry = element('li', notification.read ? null : 'notification-unread');
    var text = element('div');
    var title = element('a', 'notification-title', notification.title);
    title.href = /^\/(?!\/)/.test(notification.link || '') ? notification.link : '#';
    text.appendChild(title);
    text.appendChild(element('span', 'notification-message', notification.message));
    text.appendChild(element('span', 'notification-time', days.format(new Date(notification.created_at)) + (notification.read ? '' : ' · unread')));
    entry.appendChild(text);
    var actions = element('div');
    if (!notification.read) {
      actions.appendChild(action('Mark read', 'Mark “' + notification.title + '” read', function () {
        Agora.api('POST', '/notifications/read', { body: { ids: [notification.id] } }).then(function (result) {
          if (!result.ok) return failed(result);
          told();
          load(false);
        });
      }));
    }
    if (!notification.archived) {
      actions.appendChild(document.createTextNode(' '));
      actions.appendChild(action('Archive', 'Archive “' + notification.title + '”', function () {
        Agora.api('POST', '/notifications/' + notification.id + '/archive').then(function (result) {
          if (!result.ok) return failed(result);
          told();
          load(false);
        });
      }));
    }
    entry.appendChild(actions);
    return entry;
  }

  function load(appending) {
    var parameters = query();
    if (appending && next) parameters.set('before', String(next));
    return Agora.api('GET', '/notifications?' + parameters.toString()).then(function (result) {
      if (!result.ok) return failed(result);
      if (!appending) list.textContent = '';
      result.data.notifications.forEach(function (notification) { list.appendChild(item(notification)); });
      next = result.data.next_before || null;
      more.hidden = !next;
      document.getElementById('notification-empty').hidden = list.children.length > 0;
      document.getElementById('notification-count').textContent = result.data.unread
        ? result.data.unread + ' unread in your inbox' : 'Nothing unread in your inbox';
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load(false);
  });
  document.getElementById('notification-view').addEventListener('change', function () { load(false); });
  document.getElementById('notification-category').addEventListener('change', function () { load(false); });
  document.getElementById('notification-read-all').addEventListener('click', function () {
    Agora.api('POST', '/notifications/read', { body: { all: true } }).then(function (result) {
      if (!result.ok) return failed(result);
      told();
      load(false);
    });
  });
  more.addEventListener('click', function () { load(true); });
  if (channel) channel.onmessage = function () { load(false); };

  Agora.auth.requireSignIn().then(function () {
    page.hidden = false;
    Agora.api('GET', '/notification-kinds').then(function (result) {
      if (!result.ok) return;
      var select = document.getElementById('notification-category');
      result.data.categories.forEach(function (category) {
        var option = element('option', null, category.label);
        option.value = category.category;
        select.appendChild(option);
      });
    });
    load(false);
  });
})();
