/* The header's notification bell, on every page. The static HTML (the same for everyone) holds it hidden; where this
 * device holds a signed-in account (the hint agora.js keeps), it loads agora.js if the page has not, shows the unread
 * count and, on demand, the latest notifications. Opening one marks it read; "Mark all read" marks every one. The
 * count is announced politely when it grows. New notifications and reads in other tabs arrive over the live socket
 * (`/api/ws`, following from the last id seen, reconnecting after a drop); tabs also tell each other at once what was
 * read (the notifications page tells its own bell by an event), and a tab coming back looks again. A notification may
 * offer more than opening it: "Reply" writes to the project's room from the list, "Accept proposal" accepts after a
 * second press. Every text is set as text. */
(function () {
  'use strict';
  var bell = document.getElementById('notification-bell');
  if (!bell) return;
  try {
    if (!JSON.parse(localStorage.getItem('agora.account') || 'null')) return;
  } catch (error) {
    return;
  }
  var button = document.getElementById('bell-button');
  var panel = document.getElementById('bell-panel');
  var list = document.getElementById('bell-list');
  var count = document.getElementById('bell-count');
  var label = document.getElementById('bell-label');
  var status = document.getElementById('bell-status');
  var channel = 'BroadcastChannel' in window ? new BroadcastChannel('agora-notifications') : null;
  var shown = null;

  function withAgora(start) {
    if (window.Agora) return start();
    var source = bell.getAttribute('data-app-script');
    var loading = document.querySelector('script[src="' + source + '"]');
    if (!loading) {
      loading = document.createElement('script');
      loading.src = source;
      document.head.appendChild(loading);
    }
    loading.addEventListener('load', start);
  }

  function ago(date) {
    var minutes = Math.round((Date.now() - date.getTime()) / 60000);
    if (minutes < 1) return 'just now';
    if (minutes < 60) return minutes + ' min ago';
    if (minutes < 1440) return Math.round(minutes / 60) + ' h ago';
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date);
  }

  function start() {
    var Agora = window.Agora;
    var element = Agora.element;

    function setCount(unread) {
      count.hidden = unread === 0;
      count.textContent = unread > 99 ? '99+' : String(unread);
      label.textContent = unread ? 'Notifications, ' + unread + ' unread' : 'Notifications';
      if (shown !== null && unread > shown) status.textContent = unread + ' unread notification' + (unread === 1 ? '' : 's');
      shown = unread;
    }

    function markRead(body) {
      return Agora.api('POST', '/notifications/read', { body: body }).then(function (result) {
        if (!result.ok) return;
        setCount(result.data.unread);
        if (channel) channel.postMessage('read');
      });
    }

    function item(notification) {
      var entry = element('li', notification.read ? null : 'notification-unread');
      if (notification.group) entry.dataset.group = notification.group;
      var link = element('a');
      link.href = /^\/(?!\/)/.test(notification.link || '') ? notification.link : Agora.paths.notifications;
      link.appendChild(element('span', 'notification-title', notification.title));
      link.appendChild(element('span', 'notification-message', notification.message));
      link.appendChild(element('span', 'notification-time', ago(new Date(notification.created_at)) + (notification.read ? '' : ' · unread')));
      link.addEventListener('click', function (event) {
        if (notification.read) return;
        event.preventDefault();
        markRead({ ids: [notification.id] }).then(function () { location.href = link.href; });
      });
      entry.appendChild(link);
      if (notification.actions.indexOf('reply') >= 0) entry.appendChild(reply(notification));
      if (notification.actions.indexOf('accept') >= 0) entry.appendChild(accept(notification));
      return entry;
    }

    /** A line under the notification that says what an action did, politely announced. */
    function outcome(holder) {
      var line = element('span', 'notification-outcome');
      line.setAttribute('role', 'status');
      holder.appendChild(line);
      return line;
    }

    /** "Reply": a message to the project's room, written here. */
    function reply(notification) {
      var holder = element('div', 'notification-actions');
      var open = element('button', 'link-button', 'Reply');
      open.type = 'button';
      open.setAttribute('aria-expanded', 'false');
      var form = element('form', 'notification-reply');
      form.hidden = true;
      var field = element('textarea');
      field.rows = 2;
      field.maxLength = 5000;
      field.setAttribute('aria-label', 'Your reply: ' + notification.title);
      var send = element('button', 'button button-primary', 'Send');
      send.type = 'submit';
      form.appendChild(field);
      form.appendChild(send);
      var said = outcome(holder);
      open.addEventListener('click', function () {
        form.hidden = !form.hidden;
        open.setAttribute('aria-expanded', String(!form.hidden));
        if (!form.hidden) field.focus();
      });
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (!field.value.trim()) return field.focus();
        send.disabled = true;
        Agora.api('POST', '/projects/' + notification.subject.id + '/messages', { body: { body: field.value } }).then(function (result) {
          send.disabled = false;
          if (!result.ok) {
            said.textContent = (result.data && result.data.detail) || 'Your reply was not sent. Try again.';
            return;
          }
          form.hidden = true;
          open.hidden = true;
          said.textContent = 'Sent.';
          if (!notification.read) markRead({ ids: [notification.id] });
        });
      });
      holder.appendChild(open);
      holder.appendChild(form);
      return holder;
    }

    /** "Accept": the proposal accepted, after a second press that confirms it. */
    function accept(notification) {
      var holder = element('div', 'notification-actions');
      var press = element('button', 'link-button', 'Accept proposal');
      press.type = 'button';
      var said = outcome(holder);
      var confirming = false;
      press.addEventListener('click', function () {
        if (!confirming) {
          confirming = true;
          press.textContent = 'Confirm: accept this proposal';
          said.textContent = 'Accepting closes the order\'s other proposals and creates the project.';
          return;
        }
        press.disabled = true;
        Agora.api('POST', '/proposals/' + notification.subject.id + '/accept').then(function (result) {
          if (!result.ok) {
            press.disabled = false;
            said.textContent = (result.data && result.data.detail) || 'The proposal was not accepted. Try again.';
            return;
          }
          press.hidden = true;
          said.textContent = 'Accepted. ';
          var project = element('a', null, 'Open the project');
          project.href = Agora.projectPath(result.data.project.id);
          said.appendChild(project);
          if (!notification.read) markRead({ ids: [notification.id] });
        });
      });
      holder.appendChild(press);
      return holder;
    }

    function load() {
      return Agora.api('GET', '/notifications?limit=8').then(function (result) {
        if (!result.ok) {
          if (result.status === 401) bell.hidden = true;
          return;
        }
        setCount(result.data.unread);
        list.textContent = '';
        result.data.notifications.forEach(function (notification) { list.appendChild(item(notification)); });
        document.getElementById('bell-empty').hidden = result.data.notifications.length > 0;
        bell.hidden = false;
      });
    }

    function close(refocus) {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      if (refocus) button.focus();
    }

    button.addEventListener('click', function () {
      var opening = panel.hidden;
      panel.hidden = !opening;
      button.setAttribute('aria-expanded', String(opening));
      if (opening) load().then(function () { var first = list.querySelector('a'); if (first) first.focus(); });
    });
    bell.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !panel.hidden) close(true);
    });
    document.addEventListener('click', function (event) { if (!panel.hidden && !bell.contains(event.target)) close(false); });
    document.getElementById('bell-read-all').addEventListener('click', function () { markRead({ all: true }).then(load); });
    if (channel) channel.onmessage = function () { load(); };
    window.addEventListener('agora:notifications-read', function () { load(); });
    document.addEventListener('visibilitychange', function () { if (!document.hidden) load(); });

    // The live connection: the unread count and new notifications as they are written, from the last id seen.
    var latest = null;
    function connect() {
      var send = Agora.live({
        ready: function () { send(latest === null ? { type: 'notifications' } : { type: 'notifications', after: latest }); },
        frame: function (frame) {
          if (frame.type === 'notifications-following' && latest === null) {
            latest = frame.latest;
          } else if (frame.type === 'notifications') {
            setCount(frame.unread);
            frame.notifications.forEach(function (notification) {
              latest = Math.max(latest || 0, notification.id);
              // A burst's newer notification takes the place of the one it counts on from.
              Array.prototype.slice.call(list.children).forEach(function (shown) {
                if (notification.group && shown.dataset.group === notification.group) list.removeChild(shown);
              });
              list.insertBefore(item(notification), list.firstChild);
              while (list.children.length > 8) list.removeChild(list.lastChild);
            });
            document.getElementById('bell-empty').hidden = list.children.length > 0;
          }
        }
      });
    }

    (Agora.auth.token() ? Promise.resolve(true) : Agora.auth.refresh()).then(function (signedIn) {
      if (!signedIn) return;
      load();
      if ('WebSocket' in window) connect();
    });
  }

  withAgora(start);
})();
