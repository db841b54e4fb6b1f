/* /settings/portfolio/ (providers): the portfolio manager. Items are listed in their public order; each can be moved
 * (buttons, or dragged), opened, published or taken off the page. The open item's fields save with the button and
 * show the service's field errors; images are dropped or chosen, sent one request each with its progress, captioned
 * (saved when the caption changes) and removed. Every answer of the service redraws what it changed. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var page = document.querySelector('[data-guard]');
  var list = document.getElementById('portfolio-items');
  var editor = document.getElementById('item-editor');
  var form = document.getElementById('item-form');
  var maximum = Number(page.getAttribute('data-items-maximum'));
  var statusText = {
    draft: 'A draft: only you see it.',
    pending: 'Waiting for a moderator: it shows on your page once approved.',
    published: 'Published: it is on your public page.',
    rejected: 'Refused by a moderator: change it and publish it again.'
  };
  var state = { items: [], open: null, dragged: null };

  var element = Agora.element;

  function button(text, label, action) {
    var node = element('button', 'link-button', text);
    node.type = 'button';
    if (label) node.setAttribute('aria-label', label);
    node.addEventListener('click', action);
    return node;
  }

  function problemText(result) {
    var data = result.data || {};
    var errors = (data.errors || []).map(function (error) { return error.field + ' ' + error.message; });
    return errors.length ? errors.join('; ') : (data.detail || 'That did not work. Try again.');
  }

  /** Replaces one item in the list (or adds it) and redraws it; the open item's status and images follow, and its
   * fields too when `withFields` (a save), so that an image sent meanwhile does not undo what is being typed. */
  function keep(item, withFields) {
    var index = state.items.findIndex(function (other) { return other.id === item.id; });
    if (index >= 0) state.items[index] = item; else state.items.push(item);
    drawList();
    if (state.open && state.open.id === item.id) {
      if (withFields) openItem(item); else refresh(item);
    }
  }

  function drawList() {
    list.textContent = '';
    document.getElementById('items-empty').hidden = state.items.length > 0;
    document.getElementById('items-count').textContent = state.items.length + ' of ' + maximum + ' items.';
    state.items.forEach(function (item, index) {
      var row = element('li', 'portfolio-row');
      row.draggable = true;
      row.dataset.id = item.id;
      if (item.images.length) {
        var cover = element('img');
        cover.src = item.images[0].url;
        cover.alt = '';
        cover.width = 64;
        cover.height = 48;
        row.appendChild(cover);
      }
      var title = element('span', 'portfolio-row-title', item.title);
      row.appendChild(title);
      row.appendChild(element('span', 'badge badge-' + item.status, item.status));
      var actions = element('span', 'portfolio-row-actions');
      actions.appendChild(button('Edit', 'Edit ' + item.title, function () {
        openItem(item);
        document.getElementById('title').focus();
      }));
      if (index > 0) actions.appendChild(button('Move up', 'Move ' + item.title + ' up', function () { move(index, index - 1); }));
      if (index < state.items.length - 1) actions.appendChild(button('Move down', 'Move ' + item.title + ' down', function () { move(index, index + 1); }));
      row.appendChild(actions);
      row.addEventListener('dragstart', function (event) {
        state.dragged = index;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', String(item.id));
      });
      row.addEventListener('dragover', function (event) { event.preventDefault(); });
      row.addEventListener('drop', function (event) {
        event.preventDefault();
        if (state.dragged !== null && state.dragged !== index) move(state.dragged, index);
        state.dragged = null;
      });
      list.appendChild(row);
    });
  }

  function move(from, to) {
    var ids = state.items.map(function (item) { return item.id; });
    var moved = ids.splice(from, 1)[0];
    ids.splice(to, 0, moved);
    Agora.api('PUT', '/portfolio/order', { body: { ids: ids } }).then(function (result) {
      if (!result.ok) return forms.showAlert(problemText(result), 'error');
      state.items = result.data.items;
      drawList();
      var row = list.querySelector('[data-id="' + moved + '"] button');
      if (row) row.focus();
    });
  }

  function openItem(item) {
    editor.hidden = false;
    forms.clearErrors(form);
    ['title', 'description', 'link', 'client_name', 'completed_on'].forEach(function (id) {
      document.getElementById(id).value = item[id] || '';
    });
    document.getElementById('category').value = item.category || '';
    document.getElementById('skills').value = item.skills.join(', ');
    document.getElementById('shows_client').checked = item.shows_client;
    refresh(item);
  }

  /** The open item's title, status, buttons and images. */
  function refresh(item) {
    state.open = item;
    document.getElementById('editor-title').textContent = 'Edit “' + item.title + '”';
    document.getElementById('item-status').textContent = statusText[item.status];
    document.getElementById('publish-item').hidden = item.status === 'published' || item.status === 'pending';
    document.getElementById('unpublish-item').hidden = item.status === 'draft';
    drawImages(item);
  }

  function fields() {
    var value = function (id) { return document.getElementById(id).value.trim(); };
    return {
      title: value('title'), description: document.getElementById('description').value, category: value('category'),
      skills: value('skills').split(',').map(function (part) { return part.trim(); }).filter(Boolean),
      link: value('link'), client_name: value('client_name'), shows_client: document.getElementById('shows_client').checked,
      completed_on: value('completed_on')
    };
  }

  function change(body, done) {
    forms.clearErrors(form);
    return Agora.api('PATCH', '/portfolio/' + state.open.id, { body: body }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      keep(result.data, true);
      forms.showAlert(done[result.data.status] || done.any, 'success');
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    change(fields(), { any: 'Saved.', pending: 'Saved: a moderator looks at the change before it shows.' });
  });
  document.getElementById('publish-item').addEventListener('click', function () {
    var body = fields();
    body.status = 'published';
    change(body, { published: 'Published: it is on your public page within seconds.', pending: 'Sent to a moderator: it shows once approved.' });
  });
  document.getElementById('unpublish-item').addEventListener('click', function () {
    change({ status: 'draft' }, { draft: 'Taken off your page: it is a draft again.' });
  });
  document.getElementById('delete-item').addEventListener('click', function () {
    if (!window.confirm('Delete “' + state.open.title + '” and its images?')) return;
    var id = state.open.id;
    Agora.api('DELETE', '/portfolio/' + id).then(function (result) {
      if (!result.ok) return forms.showAlert(problemText(result), 'error');
      state.items = state.items.filter(function (item) { return item.id !== id; });
      state.open = null;
      editor.hidden = true;
      drawList();
      forms.showAlert('The item is deleted.', 'success');
    });
  });

  document.getElementById('new-item').addEventListener('submit', function (event) {
    event.preventDefault();
    var newForm = event.target;
    forms.clearErrors(newForm);
    Agora.api('POST', '/portfolio', { body: { title: document.getElementById('new-title').value } }).then(function (result) {
      if (!result.ok) return forms.showProblem(newForm, result, { title: 'new-title' });
      document.getElementById('new-title').value = '';
      state.open = result.data;
      keep(result.data, true);
      document.getElementById('description').focus();
    });
  });

  // Images.

  function drawImages(item) {
    var images = document.getElementById('item-images');
    images.textContent = '';
    item.images.forEach(function (image, index) {
      var row = element('li', 'image-row');
      var preview = element('img');
      preview.src = image.url;
      preview.alt = image.caption || 'Image ' + (index + 1);
      preview.width = 120;
      preview.height = Math.round(120 * image.height / image.width);
      var label = element('label', null, 'Caption of image ' + (index + 1));
      var caption = element('input');
      caption.type = 'text';
      caption.maxLength = 200;
      caption.value = image.caption;
      label.appendChild(caption);
      caption.addEventListener('change', function () {
        Agora.api('PATCH', '/portfolio/' + item.id + '/files/' + image.id, { body: { caption: caption.value } }).then(function (result) {
          if (!result.ok) return forms.showAlert(problemText(result), 'error');
          keep(result.data);
          forms.showAlert('Caption saved.', 'success');
        });
      });
      row.appendChild(preview);
      row.appendChild(label);
      row.appendChild(button('Remove', 'Remove image ' + (index + 1), function () {
        Agora.api('DELETE', '/portfolio/' + item.id + '/files/' + image.id).then(function (result) {
          if (!result.ok) return forms.showAlert(problemText(result), 'error');
          keep(result.data);
          forms.showAlert('Image removed.', 'success');
        });
      }));
      images.appendChild(row);
    });
  }

  /** Sends the files one after another, each with its own progress line. */
  function send(files) {
    var item = state.open;
    if (!item) return;
    var uploads = document.getElementById('uploads');
    var queue = Array.prototype.slice.call(files);
    function next() {
      var file = queue.shift();
      if (!file) return;
      var line = element('li', null, file.name + ' ');
      var progress = element('progress');
      progress.max = 1;
      progress.value = 0;
      progress.setAttribute('aria-label', 'Sending ' + file.name);
      line.appendChild(progress);
      uploads.appendChild(line);
      Agora.upload('/portfolio/' + item.id + '/files', file, function (fraction) { progress.value = fraction; }).then(function (result) {
        if (!result.ok) {
          line.textContent = file.name + ': ' + problemText(result);
          line.className = 'field-error';
        } else {
          line.remove();
          keep(result.data);
        }
        next();
      });
    }
    next();
  }

  var zone = document.getElementById('drop-zone');
  var chooser = document.getElementById('image-files');
  chooser.addEventListener('change', function () {
    send(chooser.files);
    chooser.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add('is-over');
    });
  });
  ['dragleave', 'drop'].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove('is-over'); });
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) send(event.dataTransfer.files);
  });



  Agora.auth.requireSignIn(['provider']).then(function () {
    page.hidden = false;
    return Agora.categoryOptions(document.getElementById('category'));
  }).then(function () {
    return Agora.api('GET', '/portfolio');
  }).then(function (result) {
    if (!result.ok) return forms.showAlert(problemText(result), 'error');
    state.items = result.data.items;
    drawList();
  });
})();
