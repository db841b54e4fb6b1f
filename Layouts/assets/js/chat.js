/*
 * The project room's chat (`Agora.chat.start`): the history from the API a page at a time (earlier pages when the
 * top of the log comes into view), the live connection to /api/ws (the token in the first frame, the room from the
 * last sequence seen, reconnecting with it after a drop), typing and "seen" indicators, the other member's presence,
 * edits and deletions of one's own messages, replies, files shared with previews of pictures, reports to moderation,
 * whole-word search, formatting buttons and an emoji picker.
 * The log is a role="log" region the keyboard can reach. Message HTML comes from the service's Markdown engine,
 * which escapes text and drops raw HTML; every other text goes in through textContent.
 */
(function () {
  'use strict';
  var element = Agora.element;
  var times = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  var emoji = ['😀', '😂', '🙂', '😉', '😍', '🤔', '😅', '😎', '🙏', '👍', '👎', '👏', '🙌', '💪', '🎉', '🚀', '✅', '❌', '⚠️', '❓',
    '💡', '🔥', '⏰', '📅', '📎', '📝', '📦', '💰', '❤️', '👀'];

  function start(options) {
    var projectID = options.projectID;
    var role = options.role;
    var other = role === 'client' ? 'provider' : 'client';
    var log = document.getElementById('chat-log');
    var form = document.getElementById('chat-form');
    var body = document.getElementById('chat-body');
    var typingLine = document.getElementById('chat-typing');
    var messages = {};
    var readUpTo = { client: null, provider: null };
    var sequence = 0;
    var olderBefore = null;
    var replyTo = null;
    var send = function () {};
    var typingSent = 0;
    var typingStop = null;
    var otherTypingUntil = 0;
    var readTimer = null;

    function api(method, path, data) {
      return Agora.api(method, '/projects/' + encodeURIComponent(projectID) + path, data === undefined ? undefined : { body: data });
    }

    function sideName(side) {
      return side === role ? 'You' : side === 'client' ? 'Client' : side === 'provider' ? 'Provider' : 'Agora';
    }

    /** One message's item: who and when, the text (or "message deleted"), the reply it answers, its actions. */
    function item(message) {
      var entry = element('li', 'chat-message' + (message.mine ? ' chat-mine' : ''));
      entry.id = 'message-' + message.id;
      entry.dataset.id = message.id;
      var head = element('p', 'chat-meta');
      head.appendChild(element('strong', null, sideName(message.sender)));
      head.appendChild(document.createTextNode(' · '));
      head.appendChild(element('time', null, times.format(new Date(message.created_at))));
      if (message.edited_at && !message.deleted) head.appendChild(element('span', 'muted', ' · edited'));
      entry.appendChild(head);
      if (message.reply_to && messages[message.reply_to]) {
        var quoted = messages[message.reply_to];
        entry.appendChild(element('p', 'chat-quote', quoted.deleted ? 'Message deleted' : (quoted.body || '').slice(0, 140)));
      }
      if (message.deleted) {
        entry.appendChild(element('p', 'muted chat-deleted', 'Message deleted'));
      } else if (message.hidden && !message.mine) {
        entry.appendChild(element('p', 'muted chat-deleted', 'Hidden while a moderator looks at it'));
      } else if (message.file) {
        entry.appendChild(fileItem(message.file));
      } else {
        var text = element('div', 'chat-body markdown');
        // The service's Markdown engine escapes text and drops raw HTML: its output is safe to insert.
        text.innerHTML = message.body_html;
        entry.appendChild(text);
        if (message.hidden) entry.appendChild(element('p', 'muted', 'Hidden from the ' + sideName(other).toLowerCase() + ' while a moderator looks at it.'));
      }
      var actions = element('div', 'chat-actions');
      if (!message.deleted) actions.appendChild(action('Reply', function () { startReply(message); }));
      if (!message.deleted && !message.mine && message.sender && !message.hidden) {
        actions.appendChild(action('Report', function () {
          Agora.report('message', message.id).then(function (received) {
            if (received) Agora.forms.showAlert('Thank you: a moderator will look at this message.', 'success');
          });
        }));
      }
      if (message.editable_until && new Date(message.editable_until) > new Date()) {
        actions.appendChild(action('Edit', function () { edit(message); }));
        actions.appendChild(action('Delete', function () { remove(message); }));
      }
      entry.appendChild(actions);
      return entry;
    }

    /** A shared file: a button that downloads it, and for a picture a preview fetched with the member's token (the
     * download itself is never rendered by the browser: it always comes as an attachment). */
    function fileItem(file) {
      var box = element('div', 'chat-file');
      var button = element('button', 'link-button', '📎 ' + file.name + ' (' + size(file.byte_size) + ')');
      button.type = 'button';
      button.setAttribute('aria-label', 'Download ' + file.name);
      button.addEventListener('click', function () { Agora.download(file.url, file.name); });
      if (/^image\/(png|jpeg|gif|webp)$/.test(file.media_type)) {
        Agora.fetchFile(file.url, file.name).then(function (fetched) {
          var preview = element('img', 'chat-preview');
          preview.alt = file.name;
          preview.src = URL.createObjectURL(fetched.blob);
          box.insertBefore(preview, button);
        }).catch(function () {});
      }
      box.appendChild(button);
      return box;
    }

    function size(bytes) {
      return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? Math.round(bytes / 1024) + ' KB' : (bytes / 1048576).toFixed(1) + ' MB';
    }

    function action(label, onClick) {
      var button = element('button', 'link-button', label);
      button.type = 'button';
      button.addEventListener('click', onClick);
      return button;
    }

    /** Puts a message in its place in the log (by id), replacing the one it updates. */
    function place(message) {
      var known = messages[message.id];
      messages[message.id] = message;
      var node = item(message);
      var existing = document.getElementById('message-' + message.id);
      if (existing) { existing.replaceWith(node); return false; }
      var after = Array.prototype.filter.call(log.children, function (child) { return Number(child.dataset.id) > message.id; })[0];
      log.insertBefore(node, after || null);
      return !known;
    }

    function drawSeen() {
      Array.prototype.forEach.call(log.querySelectorAll('.chat-seen'), function (node) { node.remove(); });
      var mine = Array.prototype.filter.call(log.children, function (child) {
        return child.classList.contains('chat-mine') && readUpTo[other] !== null && Number(child.dataset.id) <= readUpTo[other];
      });
      var last = mine[mine.length - 1];
      if (last) last.appendChild(element('p', 'muted chat-seen', 'Seen'));
    }

    /**
     * Read positions only move forward, so the furthest one heard of wins: an answer read before the other member's
     * live "read" event may arrive after it, and must not take the "Seen" back.
     */
    function learnPositions(positions) {
      Object.keys(readUpTo).forEach(function (side) {
        var heard = positions[side];
        if (heard !== null && heard !== undefined && (readUpTo[side] === null || heard > readUpTo[side])) readUpTo[side] = heard;
      });
    }

    function atBottom() {
      return log.scrollHeight - log.scrollTop - log.clientHeight < 40;
    }

    /** Tells the service what was read: the newest message of the log, once it is on screen. */
    function markRead() {
      clearTimeout(readTimer);
      readTimer = setTimeout(function () {
        var newest = log.lastElementChild;
        if (!newest || document.hidden) return;
        var id = Number(newest.dataset.id);
        if (readUpTo[role] !== null && id <= readUpTo[role]) return;
        api('POST', '/messages/read', { message_id: id }).then(function (result) {
          if (result.ok) { learnPositions(result.data.read_up_to); drawSeen(); }
        });
      }, 400);
    }

    function loadHistory(older) {
      var query = '?limit=30' + (older && olderBefore ? '&before=' + olderBefore : '');
      return api('GET', '/messages' + query).then(function (result) {
        if (!result.ok) return;
        var keep = log.scrollHeight - log.scrollTop;
        if (!older) {
          log.textContent = '';
          messages = {};
          sequence = result.data.sequence;
        }
        result.data.messages.forEach(place);
        olderBefore = result.data.next_before || null;
        document.getElementById('chat-older').hidden = !olderBefore;
        learnPositions(result.data.read_up_to);
        drawSeen();
        if (older) { log.scrollTop = log.scrollHeight - keep; } else { log.scrollTop = log.scrollHeight; markRead(); }
      });
    }

    // The live connection: events from the last sequence seen, reconnection with it after a drop.

    function connect() {
      send = Agora.live({
        ready: function () { send({ type: 'subscribe', room: projectID, after: sequence }); },
        frame: function (frame) {
          if (frame.type === 'event' && frame.room === projectID) {
            if (frame.sequence <= sequence) return;
            sequence = frame.sequence;
            received(frame);
          } else if (frame.type === 'reset' && frame.room === projectID) {
            loadHistory(false);
          } else if (frame.type === 'typing' && frame.who === other) {
            otherTypingUntil = frame.state === 'start' ? Date.now() + 15000 : 0;
            drawTyping();
          } else if (frame.type === 'presence' && frame.who === other) {
            document.getElementById('chat-presence').textContent = frame.state === 'online' ? sideName(other) + ' is here' : '';
          }
        },
        closed: function () { document.getElementById('chat-presence').textContent = ''; }
      });
    }

    function received(frame) {
      if (frame.kind === 'message.created' || frame.kind === 'message.edited' || frame.kind === 'message.deleted') {
        var stick = atBottom();
        var added = place(frame.message);
        if (frame.message.sender === other) { otherTypingUntil = 0; drawTyping(); }
        if (added && stick) log.scrollTop = log.scrollHeight;
        if (added) markRead();
        drawSeen();
      } else if (frame.kind === 'messages.read') {
        learnPositions({ [frame.reader]: frame.message_id });
        drawSeen();
      } else if (frame.kind === 'project.changed' && options.onProjectChanged) {
        options.onProjectChanged();
      }
    }

    function drawTyping() {
      typingLine.textContent = otherTypingUntil > Date.now() ? sideName(other) + ' is typing…' : '';
    }
    setInterval(drawTyping, 1000);

    function sendTyping(state) {
      send({ type: 'typing', room: projectID, state: state });
    }

    body.addEventListener('input', function () {
      // While typing, "start" goes out every 10 seconds (the other side forgets it after 15); "stop" after 3 idle seconds.
      if (Date.now() - typingSent > 10000) { typingSent = Date.now(); sendTyping('start'); }
      clearTimeout(typingStop);
      typingStop = setTimeout(function () { typingSent = 0; sendTyping('stop'); }, 3000);
    });

    // Writing: Enter sends, formatting wraps the selection, emoji go in at the caret.

    body.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        form.requestSubmit();
      }
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = body.value.trim();
      Agora.forms.fieldError('chat-body', '');
      if (!text) { Agora.forms.fieldError('chat-body', 'Write a message first.'); body.focus(); return; }
      var data = { body: text };
      if (replyTo) data.reply_to = replyTo.id;
      Agora.forms.busy(form, true);
      api('POST', '/messages', data).then(function (result) {
        Agora.forms.busy(form, false);
        if (!result.ok) {
          var problem = result.data && result.data.errors && result.data.errors[0];
          Agora.forms.fieldError('chat-body', problem ? problem.message : (result.data && result.data.detail) || 'Not sent. Try again.');
          return;
        }
        body.value = '';
        cancelReply();
        clearTimeout(typingStop);
        typingSent = 0;
        sendTyping('stop');
        place(result.data);
        log.scrollTop = log.scrollHeight;
        body.focus();
      });
    });

    // Sharing a file: each chosen file goes as a message of its own, with its progress in the typing line.
    var fileInput = document.getElementById('chat-file');
    fileInput.addEventListener('change', function () {
      var chosen = Array.prototype.slice.call(fileInput.files);
      fileInput.value = '';
      chosen.reduce(function (previous, file) {
        return previous.then(function (going) {
          if (!going) return false;
          return Agora.upload('/projects/' + encodeURIComponent(projectID) + '/messages/files', file, function (fraction) {
            Agora.forms.fieldError('chat-body', '');
            typingLine.textContent = 'Sending ' + file.name + ': ' + Math.round(fraction * 100) + '%';
          }).then(function (result) {
            typingLine.textContent = '';
            if (!result.ok) {
              Agora.forms.fieldError('chat-body', file.name + ': ' + ((result.data && result.data.detail) || 'not sent'));
              return false;
            }
            place(result.data);
            log.scrollTop = log.scrollHeight;
            return true;
          });
        });
      }, Promise.resolve(true));
    });

    function wrap(marker) {
      var startAt = body.selectionStart;
      var endAt = body.selectionEnd;
      var selected = body.value.slice(startAt, endAt) || 'text';
      body.setRangeText(marker + selected + marker, startAt, endAt, 'end');
      body.focus();
    }

    Array.prototype.forEach.call(form.querySelectorAll('[data-wrap]'), function (button) {
      button.addEventListener('click', function () { wrap(button.dataset.wrap); });
    });
    form.querySelector('[data-link]').addEventListener('click', function () {
      var address = window.prompt('Link address (https://…)');
      if (!address) return;
      var selected = body.value.slice(body.selectionStart, body.selectionEnd) || address;
      body.setRangeText('[' + selected + '](' + address + ')', body.selectionStart, body.selectionEnd, 'end');
      body.focus();
    });

    var picker = document.getElementById('chat-emoji');
    var toggle = document.getElementById('chat-emoji-toggle');
    emoji.forEach(function (symbol) {
      var button = element('button', 'chat-tool', symbol);
      button.type = 'button';
      button.addEventListener('click', function () {
        body.setRangeText(symbol, body.selectionStart, body.selectionEnd, 'end');
        picker.hidden = true;
        toggle.setAttribute('aria-expanded', 'false');
        body.focus();
      });
      picker.appendChild(button);
    });
    toggle.addEventListener('click', function () {
      picker.hidden = !picker.hidden;
      toggle.setAttribute('aria-expanded', String(!picker.hidden));
      if (!picker.hidden) picker.querySelector('button').focus();
    });
    picker.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { picker.hidden = true; toggle.setAttribute('aria-expanded', 'false'); toggle.focus(); }
    });

    function startReply(message) {
      replyTo = message;
      document.getElementById('chat-reply-text').textContent = 'Replying to: ' + (message.body || '').slice(0, 80);
      document.getElementById('chat-reply').hidden = false;
      body.focus();
    }

    function cancelReply() {
      replyTo = null;
      document.getElementById('chat-reply').hidden = true;
    }
    document.getElementById('chat-reply-cancel').addEventListener('click', cancelReply);

    function edit(message) {
      var text = window.prompt('Edit your message', message.body);
      if (text === null || !text.trim()) return;
      Agora.api('PATCH', '/messages/' + message.id, { body: { body: text } }).then(function (result) {
        if (!result.ok) { Agora.forms.showAlert((result.data && result.data.detail) || 'The message was not changed.'); return; }
        place(result.data);
      });
    }

    function remove(message) {
      if (!window.confirm('Delete this message? Both of you will see that a message was deleted.')) return;
      Agora.api('DELETE', '/messages/' + message.id).then(function (result) {
        if (!result.ok) { Agora.forms.showAlert((result.data && result.data.detail) || 'The message was not deleted.'); return; }
        place(result.data);
      });
    }

    // History further back, by button or when the top of the log comes into view.
    document.getElementById('chat-older').addEventListener('click', function () { loadHistory(true); });
    log.addEventListener('scroll', function () {
      if (log.scrollTop < 20 && olderBefore) loadHistory(true);
      if (atBottom()) markRead();
    });
    document.addEventListener('visibilitychange', function () { if (!document.hidden) markRead(); });

    document.getElementById('chat-search').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = document.getElementById('chat-search-text').value.trim();
      var results = document.getElementById('chat-results');
      results.textContent = '';
      if (!text) { results.hidden = true; return; }
      api('GET', '/messages/search?q=' + encodeURIComponent(text)).then(function (result) {
        results.hidden = false;
        if (!result.ok) {
          results.appendChild(element('li', 'muted', (result.data && result.data.errors && result.data.errors[0].message) || 'The search did not work.'));
          return;
        }
        if (!result.data.messages.length) results.appendChild(element('li', 'muted', 'No message holds every one of these words.'));
        result.data.messages.forEach(function (message) {
          var entry = element('li');
          var go = element('button', 'link-button', sideName(message.sender) + ', ' + times.format(new Date(message.created_at)) + ': ' + (message.body || '').slice(0, 100));
          go.type = 'button';
          go.addEventListener('click', function () {
            var target = document.getElementById('message-' + message.id);
            if (target) { target.scrollIntoView({ block: 'center' }); target.classList.add('chat-found'); }
          });
          entry.appendChild(go);
          results.appendChild(entry);
        });
      });
    });

    loadHistory(false).then(connect);
  }

  window.Agora.chat = { start: start };
})();
