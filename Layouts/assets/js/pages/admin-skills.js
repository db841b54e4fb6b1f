/* /admin/skills/ (categories.edit): the catalogue of skills — add one with the categories whose providers are
 * offered it first, find one, remove one (after a confirmation). Each change is audited by the service. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var element = Agora.element;
  var form = document.getElementById('skill-form');
  var filter = document.getElementById('skill-filter');
  var skills = [];

  function draw() {
    var wanted = filter.value.trim().toLowerCase();
    var shown = skills.filter(function (skill) { return !wanted || skill.name.toLowerCase().indexOf(wanted) >= 0; });
    var rows = document.getElementById('skill-rows');
    rows.textContent = '';
    shown.forEach(function (skill) {
      var row = element('tr');
      row.appendChild(element('td', null, skill.name));
      row.appendChild(element('td', null, skill.categories.join(', ')));
      var actions = element('td');
      var remove = element('button', 'link-button', 'Remove');
      remove.type = 'button';
      remove.setAttribute('aria-label', 'Remove ' + skill.name);
      remove.addEventListener('click', function () {
        if (!window.confirm('Remove “' + skill.name + '” from the catalogue? Profiles that list it keep it as their own words.')) return;
        Agora.api('DELETE', '/admin/skills/' + skill.id).then(function (result) {
          if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
          forms.showAlert('“' + skill.name + '” is removed from the catalogue.', 'success');
          load();
        });
      });
      actions.appendChild(remove);
      row.appendChild(actions);
      rows.appendChild(row);
    });
    document.getElementById('skill-count').textContent = shown.length + ' of ' + skills.length + ' skills.';
  }

  function load() {
    return Agora.api('GET', '/admin/skills').then(function (result) {
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The skills could not be loaded.', 'error');
      skills = result.data.skills;
      draw();
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    forms.clearErrors(form);
    var categories = Array.prototype.filter.call(document.getElementById('categories').options, function (option) { return option.selected; })
      .map(function (option) { return option.value; });
    Agora.api('POST', '/admin/skills', { body: { name: document.getElementById('name').value, categories: categories } }).then(function (result) {
      if (!result.ok) {
        if (result.status === 409) {
          forms.fieldError('name', 'The catalogue has this skill already.');
          return forms.showAlert('The catalogue has this skill already.', 'error');
        }
        return forms.showProblem(form, result, { 'categories[0]': 'categories', 'categories[1]': 'categories', 'categories[2]': 'categories' });
      }
      forms.showAlert('“' + result.data.name + '” is in the catalogue.', 'success');
      form.reset();
      load();
    });
  });
  filter.addEventListener('input', draw);

  Agora.admin.start('skills').then(function () {
    return Agora.categoryOptions(document.getElementById('categories'));
  }).then(load);
})();
