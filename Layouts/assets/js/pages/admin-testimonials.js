/* /admin/testimonials/ (moderation.decide): the testimonials in one status, newest first, each with the decisions
 * it allows: publish, refuse (or withdraw), feature on the homepage or stop featuring. Each decision is audited. */
(function () {
  'use strict';
  var forms = Agora.forms;
  var list = document.getElementById('testimonial-list');
  var status = document.getElementById('status');

  function action(item, label, describedBy, send) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-secondary small';
    button.textContent = label;
    button.setAttribute('aria-describedby', describedBy);
    button.addEventListener('click', function () {
      button.disabled = true;
      send().then(function (result) {
        if (!result.ok) {
          button.disabled = false;
          return forms.showAlert((result.data && result.data.detail) || 'Nothing changed.', 'error');
        }
        forms.showAlert(label + ': done.', 'success');
        load();
      });
    });
    item.appendChild(button);
  }

  var loads = 0;

  function load() {
    // Only the latest choice fills the list: an earlier one answering late must not replace it.
    var mine = ++loads;
    Agora.api('GET', '/admin/testimonials?status=' + encodeURIComponent(status.value)).then(function (result) {
      if (mine !== loads) return;
      if (!result.ok) return forms.showAlert((result.data && result.data.detail) || 'The testimonials could not be loaded.', 'error');
      list.textContent = '';
      result.data.testimonials.forEach(function (testimonial) {
        var item = document.createElement('li');
        item.className = 'moderation-item';
        var text = document.createElement('blockquote');
        text.id = 'testimonial-' + testimonial.id;
        text.textContent = testimonial.content;
        var by = document.createElement('p');
        by.className = 'muted';
        by.textContent = testimonial.author_name + ' (' + testimonial.author_role + '), ' + testimonial.rating + ' of 5, ' +
          Agora.admin.date(testimonial.created_at) + (testimonial.featured ? ', featured' : '');
        item.appendChild(text);
        item.appendChild(by);
        var path = '/admin/testimonials/' + testimonial.id;
        if (testimonial.status !== 'approved') action(item, 'Publish', text.id, function () { return Agora.api('POST', path + '/approve'); });
        if (testimonial.status !== 'rejected') {
          action(item, testimonial.status === 'approved' ? 'Withdraw' : 'Refuse', text.id, function () { return Agora.api('POST', path + '/reject'); });
        }
        if (testimonial.status === 'approved') {
          action(item, testimonial.featured ? 'Stop featuring' : 'Feature', text.id, function () {
            return Agora.api('PUT', path + '/featured', { body: { featured: !testimonial.featured } });
          });
        }
        list.appendChild(item);
      });
      document.getElementById('testimonials-empty').hidden = list.children.length > 0;
    });
  }

  status.addEventListener('change', load);
  Agora.admin.start('testimonials').then(load);
})();
