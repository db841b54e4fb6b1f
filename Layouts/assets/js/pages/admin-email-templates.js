/* /admin/email-templates/ (content.edit): every message the marketplace sends, and an editor for one: subject, plain
 * text and HTML, previewed live from sample values as the editor types, kept as a draft or published, sent as a test
 * to the editor's own address, and any earlier version opened again. The service checks each part and names the
 * line and column of a fault. The preview's HTML is parsed inert, stripped of anything active and shown inside a
 * shadow root; its inline styles are applied through the CSSOM, which the page's Content-Security-Policy allows. */
(function () {
  'use strict';
  var element = Agora.element;
  var forms = Agora.forms;
  var form = document.getElementById('template-form');
  var parts = ['subject', 'text_body', 'html_body'];
  var current = null;
  var previewTimer = null;
  var previewHost = document.getElementById('preview-html');
  var previewRoot = previewHost.attachShadow({ mode: 'open' });

  function edit() {
    var body = {};
    parts.forEach(function (name) { body[name] = document.getElementById(name).value; });
    return body;
  }

  function fill(content) {
    parts.forEach(function (name) { document.getElementById(name).value = content[name]; });
  }

  function inForce(template) {
    return template.published_version ? 'version ' + template.published_version : 'the file';
  }

  function list() {
    return Agora.api('GET', '/admin/email-templates').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The templates could not be loaded.', 'error');
      var body = document.querySelector('#template-table tbody');
      body.textContent = '';
      result.data.templates.forEach(function (template) {
        var row = element('tr');
        row.appendChild(element('td', null, template.key));
        row.appendChild(element('td', null, template.purpose));
        row.appendChild(element('td', null, inForce(template)));
        row.appendChild(element('td', null, template.latest_version ? template.latest_status + ' ' + template.latest_version + ', ' + Agora.admin.date(template.updated_at) : '—'));
        var open = element('button', 'link-button', 'Edit');
        open.type = 'button';
        open.setAttribute('aria-label', 'Edit ' + template.key);
        open.addEventListener('click', function () { load(template.key); });
        var cell = element('td');
        cell.appendChild(open);
        row.appendChild(cell);
        body.appendChild(row);
      });
    });
  }

  function show(template) {
    current = template;
    document.getElementById('template-title').textContent = template.key + (template.current_version ? ' — ' + template.current_status + ' version ' + template.current_version : ' — the file');
    document.getElementById('template-purpose').textContent = template.purpose + ' In force: ' + inForce(template) + '.';
    document.getElementById('template-variables').textContent = template.variables.join(', ');
    fill(template.current);
    var versions = document.getElementById('template-versions');
    versions.textContent = '';
    template.versions.forEach(function (version) {
      var item = element('li', null, version.status + ' ' + version.version + ' — ' + version.subject + ' — ' + Agora.admin.date(version.created_at) + ' ');
      var open = element('button', 'link-button', 'Open');
      open.type = 'button';
      open.setAttribute('aria-label', 'Open version ' + version.version);
      open.addEventListener('click', function () { load(template.key, version.version); });
      item.appendChild(open);
      versions.appendChild(item);
    });
    if (!template.versions.length) versions.appendChild(element('li', 'muted', 'No version saved yet: the file is in force.'));
    form.hidden = false;
    forms.clearErrors(form);
    preview();
  }

  function load(key, version) {
    var path = '/admin/email-templates/' + encodeURIComponent(key) + (version ? '?version=' + version : '');
    return Agora.api('GET', path).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The template could not be loaded.', 'error');
      show(result.data);
      document.getElementById('template-title').focus();
    });
  }

  /** The preview's HTML with nothing active left: no scripts, frames or handlers, no links that run code. Inline
   * styles and handlers are renamed before parsing (the page's policy refuses both, even in a parsed copy); the styles
   * are put back through the CSSOM, the handlers dropped. */
  function inert(html) {
    var renamed = html.replace(/(\s)style(\s*=)/gi, '$1data-preview-style$2').replace(/(\s)on([a-z]+\s*=)/gi, '$1data-preview-on$2');
    var parsed = new DOMParser().parseFromString(renamed, 'text/html');
    parsed.querySelectorAll('script, iframe, object, embed, link, meta, base, form').forEach(function (node) { node.remove(); });
    parsed.querySelectorAll('*').forEach(function (node) {
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        var name = attribute.name.toLowerCase();
        if (name.indexOf('on') === 0 || name.indexOf('data-preview-on') === 0 || (name === 'href' && /^\s*javascript:/i.test(attribute.value))) {
          node.removeAttribute(attribute.name);
        }
      });
    });
    var wrapper = document.createElement('div');
    wrapper.setAttribute('data-preview-style', parsed.body.getAttribute('data-preview-style') || '');
    Array.prototype.slice.call(parsed.body.childNodes).forEach(function (node) { wrapper.appendChild(document.importNode(node, true)); });
    [wrapper].concat(Array.prototype.slice.call(wrapper.querySelectorAll('[data-preview-style]'))).forEach(function (node) {
      node.style.cssText = node.getAttribute('data-preview-style') || '';
      node.removeAttribute('data-preview-style');
    });
    return wrapper;
  }

  function preview() {
    if (!current) return;
    var state = document.getElementById('preview-state');
    state.textContent = 'Writing the preview…';
    Agora.api('POST', '/admin/email-templates/' + encodeURIComponent(current.key) + '/preview', { body: edit() }).then(function (result) {
      // Only the parts' own errors: the alert may be saying what a save just did.
      parts.forEach(function (name) { forms.fieldError(name, ''); });
      if (!result.ok) {
        state.textContent = 'The preview waits for the parts marked below to be corrected.';
        (result.data && result.data.errors || []).forEach(function (error) { forms.fieldError(error.field, error.message); });
        return;
      }
      state.textContent = 'The preview shows this edit, not yet saved.';
      document.getElementById('preview-subject').textContent = result.data.subject;
      document.getElementById('preview-text').textContent = result.data.text_body;
      previewRoot.textContent = '';
      previewRoot.appendChild(inert(result.data.html_body));
    });
  }

  parts.forEach(function (name) {
    document.getElementById(name).addEventListener('input', function () {
      clearTimeout(previewTimer);
      previewTimer = setTimeout(preview, 500);
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var status = event.submitter && event.submitter.getAttribute('data-status') || 'draft';
    forms.clearErrors(form);
    var body = edit();
    body.status = status;
    forms.busy(form, true);
    Agora.api('PUT', '/admin/email-templates/' + encodeURIComponent(current.key), { body: body }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) return forms.showProblem(form, result);
      show(result.data);
      list();
      forms.showAlert(status === 'published'
        ? 'Version ' + result.data.current_version + ' is published: every ' + result.data.key + ' email is written with it from now on.'
        : 'Version ' + result.data.current_version + ' is saved as a draft; the version in force is unchanged.', 'success');
    });
  });

  document.getElementById('send-test').addEventListener('click', function () {
    forms.clearErrors(form);
    Agora.api('POST', '/admin/email-templates/' + encodeURIComponent(current.key) + '/test', { body: edit() }).then(function (result) {
      if (!result.ok) return forms.showProblem(form, result);
      forms.showAlert(result.data.message, 'success');
    });
  });

  document.getElementById('load-file').addEventListener('click', function () {
    fill(current.file);
    preview();
  });

  Agora.admin.start('email-templates').then(function () {
    document.getElementById('template-title').setAttribute('tabindex', '-1');
    list();
  });
})();
