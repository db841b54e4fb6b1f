/* The profile editor's background lists (experience, education, certifications): one fieldset per kind, whose
 * `data-` attributes carry the kind's rules from the domain (what the title and organisation are, which fields are
 * required, the limits). Each entry's fields are named as the service names its errors (`experience[0].title`), so
 * `Agora.forms.showProblem` puts each error beside its field; the names are renumbered whenever an entry moves or
 * goes. Months are `<input type="month">`, whose value is the `YYYY-MM` the service expects. */
(function () {
  'use strict';

  var element = Agora.element;

  function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  /** A labelled field of an entry; its id and name are set by `renumber`. */
  function field(item, key, label, control) {
    var wrapper = element('div', 'field background-' + key);
    var caption = element('label', null, label);
    control.setAttribute('data-key', key);
    var error = element('p', 'field-error');
    error.setAttribute('aria-live', 'polite');
    error.setAttribute('data-error-of', key);
    wrapper.appendChild(caption);
    wrapper.appendChild(control);
    wrapper.appendChild(error);
    item.appendChild(wrapper);
    return control;
  }

  function input(type, maximum) {
    var control = element('input');
    control.type = type;
    if (maximum) control.maxLength = maximum;
    if (type === 'month') control.placeholder = 'YYYY-MM';
    return control;
  }

  /**
   * Makes `fieldset` an editable list; `changed` is called after every edit. Answers { fill(entries), values() };
   * entries left wholly empty are not sent.
   */
  function attach(fieldset, changed) {
    var rules = fieldset.dataset;
    var list = fieldset.querySelector('.background-entries');
    var add = fieldset.querySelector('[data-add-entry]');
    var kind = rules.background;

    function renumber() {
      Array.prototype.forEach.call(list.children, function (item, index) {
        item.querySelector('legend').textContent = capitalized(rules.titleName) + ' ' + (index + 1);
        item.querySelectorAll('[data-key]').forEach(function (control) {
          var name = kind + '[' + index + '].' + control.getAttribute('data-key');
          control.id = name;
          control.name = name;
          control.setAttribute('aria-describedby', name + '-error');
          control.previousSibling.htmlFor = name;
        });
        item.querySelectorAll('[data-error-of]').forEach(function (error) {
          error.id = kind + '[' + index + '].' + error.getAttribute('data-error-of') + '-error';
        });
        item.querySelector('[data-move="up"]').disabled = index === 0;
        item.querySelector('[data-move="down"]').disabled = index === list.children.length - 1;
      });
      add.disabled = list.children.length >= Number(rules.maximum);
    }

    function addEntry(entry) {
      var item = element('li', 'background-entry');
      var group = element('fieldset');
      group.appendChild(element('legend'));
      item.appendChild(group);
      var optional = function (needed) { return needed === 'true' ? '' : ' (optional)'; };
      field(group, 'title', capitalized(rules.titleName), input('text', Number(rules.titleMaximum))).value = entry.title || '';
      field(group, 'organisation', capitalized(rules.organisationName) + optional(rules.needsOrganisation),
        input('text', Number(rules.organisationMaximum))).value = entry.organisation || '';
      var dates = element('div', 'field-row');
      group.appendChild(dates);
      field(dates, 'start', 'From' + optional(rules.needsStart), input('month')).value = entry.start || '';
      field(dates, 'end', 'Until (empty: ' + rules.openEnd + ')', input('month')).value = entry.end || '';
      var description = element('textarea');
      description.rows = 3;
      description.maxLength = Number(rules.descriptionMaximum);
      field(group, 'description', 'A few words (optional)', description).value = entry.description || '';
      if (rules.hasLink === 'true') {
        field(group, 'link', 'Where it can be checked (optional)', input('url', Number(rules.linkMaximum))).value = entry.link || '';
      }
      var actions = element('div', 'background-actions');
      [['up', 'Move up'], ['down', 'Move down'], ['remove', 'Remove']].forEach(function (pair) {
        var button = element('button', 'link-button', pair[1]);
        button.type = 'button';
        button.setAttribute('data-move', pair[0]);
        button.addEventListener('click', function () {
          if (pair[0] === 'up' && item.previousElementSibling) list.insertBefore(item, item.previousElementSibling);
          if (pair[0] === 'down' && item.nextElementSibling) list.insertBefore(item.nextElementSibling, item);
          if (pair[0] === 'remove') item.remove();
          renumber();
          changed();
        });
        actions.appendChild(button);
      });
      group.appendChild(actions);
      list.appendChild(item);
      renumber();
      return item;
    }

    add.addEventListener('click', function () {
      addEntry({}).querySelector('[data-key="title"]').focus();
    });

    return {
      fill: function (entries) {
        list.textContent = '';
        entries.forEach(addEntry);
        renumber();
      },
      values: function () {
        return Array.prototype.map.call(list.children, function (item) {
          var entry = {};
          item.querySelectorAll('[data-key]').forEach(function (control) {
            var value = control.value.trim();
            if (value) entry[control.getAttribute('data-key')] = value;
          });
          return entry;
        }).filter(function (entry) { return Object.keys(entry).length > 0; });
      }
    };
  }

  window.Agora = window.Agora || {};
  window.Agora.backgroundEditor = { attach: attach };
})();
