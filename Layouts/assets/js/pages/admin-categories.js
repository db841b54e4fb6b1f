/* /admin/categories/ (categories.edit): the whole tree with hidden categories, a form to create one or change the
 * chosen one (name, slug, description, parent, order, shown), and a provider listed in or taken out of a category.
 * The API checks each rule (a unique slug, never under itself) and rebuilds the pages. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var cell = Agora.admin.cell;
  var body = document.getElementById('categories-body');
  var form = document.getElementById('category-form');
  var categories = [];

  function flatten(nodes, depth, into) {
    nodes.forEach(function (node) {
      into.push({ node: node, depth: depth });
      flatten(node.children, depth + 1, into);
    });
    return into;
  }

  function option(select, value, text) {
    var element = document.createElement('option');
    element.value = value;
    element.textContent = text;
    select.appendChild(element);
  }

  function edit(node) {
    document.getElementById('category-form-title').textContent = 'Change ' + node.name;
    document.getElementById('category-id').value = String(node.id);
    document.getElementById('name').value = node.name;
    document.getElementById('slug').value = node.slug;
    document.getElementById('description').value = node.description;
    document.getElementById('parent').value = node.parent || '';
    document.getElementById('sort_order').value = String(node.sort_order);
    document.getElementById('active').checked = node.active;
    document.getElementById('category-save').textContent = 'Save';
    document.getElementById('category-new').hidden = false;
    document.getElementById('name').focus();
  }

  function blank() {
    form.reset();
    document.getElementById('category-id').value = '';
    document.getElementById('category-form-title').textContent = 'New category';
    document.getElementById('category-save').textContent = 'Create';
    document.getElementById('category-new').hidden = true;
  }

  function load() {
    return Agora.api('GET', '/admin/categories').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The categories could not be loaded.', 'error');
      categories = flatten(result.data.categories, 0, []);
      body.textContent = '';
      var parent = document.getElementById('parent');
      var listing = document.getElementById('listing-category');
      parent.textContent = '';
      listing.textContent = '';
      option(parent, '', 'The top of the tree');
      categories.forEach(function (entry) {
        var node = entry.node;
        var row = body.insertRow();
        cell(row, '\u00a0\u00a0'.repeat(entry.depth) + node.name);
        cell(row, node.slug);
        cell(row, node.provider_count);
        cell(row, node.sort_order);
        cell(row, node.active ? 'yes' : 'hidden');
        var change = document.createElement('button');
        change.type = 'button';
        change.className = 'link-button';
        change.textContent = 'Change';
        change.setAttribute('aria-label', 'Change ' + node.name);
        change.addEventListener('click', function () { edit(node); });
        cell(row, '').appendChild(change);
        option(parent, node.slug, '\u00a0\u00a0'.repeat(entry.depth) + node.name);
        option(listing, String(node.id), '\u00a0\u00a0'.repeat(entry.depth) + node.name);
      });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var id = document.getElementById('category-id').value;
    var values = {
      name: document.getElementById('name').value, description: document.getElementById('description').value,
      parent: document.getElementById('parent').value || null, active: document.getElementById('active').checked
    };
    var slug = document.getElementById('slug').value.trim();
    if (slug) values.slug = slug;
    var order = document.getElementById('sort_order').value;
    if (order !== '') values.sort_order = Number(order);
    forms.busy(form, true);
    Agora.api(id ? 'PATCH' : 'POST', '/admin/categories' + (id ? '/' + id : ''), { body: values }).then(function (result) {
      forms.busy(form, false);
      if (!result.ok) return forms.showProblem(form, result);
      forms.showAlert((id ? 'Saved: ' : 'Created: ') + result.data.name + '. The pages are being rebuilt.', 'success');
      blank();
      load();
    });
  });
  document.getElementById('category-new').addEventListener('click', blank);

  function listing(method, done) {
    var category = document.getElementById('listing-category').value;
    var provider = document.getElementById('listing-provider').value;
    if (!provider) return forms.showAlert('Type the provider\'s account id.', 'error');
    Agora.api(method, '/admin/categories/' + category + '/providers/' + encodeURIComponent(provider)).then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
      forms.showAlert(done, 'success');
      load();
    });
  }

  document.getElementById('listing-form').addEventListener('submit', function (event) {
    event.preventDefault();
    listing('PUT', 'The provider is listed in the category.');
  });
  document.getElementById('listing-remove').addEventListener('click', function () {
    listing('DELETE', 'The provider is taken out of the category.');
  });

  Agora.admin.start('categories').then(load);
})();
