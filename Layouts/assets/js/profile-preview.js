/* The profile editor's preview: the provider's page as clients will see it, drawn from what the form holds now
 * (saved or not) with the public page's own classes, so it looks like the static page. Every value is set as text. */
(function () {
  'use strict';

  /**
   * Draws `content` (the editor's payload, background lists included) for `person` ({ name, initials, photo,
   * categories: slug → name }) into `target`.
   */
  function draw(target, content, person) {
    var element = Agora.element;
    target.textContent = '';
    var header = element('header', 'profile-header');
    var avatar = element('div', 'avatar avatar-large');
    avatar.setAttribute('aria-hidden', 'true');
    if (person.photo) {
      var image = element('img');
      image.src = person.photo.url;
      image.alt = '';
      image.width = 120;
      image.height = 120;
      avatar.appendChild(image);
    } else {
      avatar.textContent = person.initials;
    }
    header.appendChild(avatar);
    var heading = element('div');
    heading.appendChild(element('h3', 'preview-name', person.name));
    heading.appendChild(element('p', 'lead', content.title || 'Your title'));
    if (content.city) heading.appendChild(element('p', 'provider-location', content.city + (content.country ? ', ' + content.country.toUpperCase() : '')));
    var availability = { available: 'Available now', limited: 'Limited availability', unavailable: 'Not taking new work' }[content.availability];
    heading.appendChild(element('p', 'availability' + (content.availability === 'available' ? ' is-available' : ''), availability));
    header.appendChild(heading);
    target.appendChild(header);

    var layout = element('div', 'profile-layout');
    var main = element('div', 'profile-main');
    var section = function (title) {
      var part = element('section');
      part.appendChild(element('h4', null, title));
      main.appendChild(part);
      return part;
    };
    var about = section('About');
    (content.bio || '').split(/\n\s*\n/).filter(function (block) { return block.trim(); }).forEach(function (block) {
      about.appendChild(element('p', null, block.trim().replace(/\s+/g, ' ')));
    });
    var skills = element('ul', 'skills');
    content.skills.forEach(function (skill) { skills.appendChild(element('li', null, skill)); });
    section('Skills').appendChild(skills);
    [['Experience', content.experience, 'present'], ['Education', content.education, 'present'], ['Certifications', content.certifications, 'no expiry']]
      .forEach(function (kind) {
        if (!kind[1] || !kind[1].length) return;
        var list = element('ol', 'background');
        kind[1].forEach(function (entry) {
          var item = element('li');
          item.appendChild(element('h5', null, entry.title || ''));
          if (entry.organisation) item.appendChild(element('p', 'background-where', entry.organisation));
          if (entry.start) item.appendChild(element('p', 'muted', entry.start + ' – ' + (entry.end || kind[2])));
          if (entry.description) item.appendChild(element('p', null, entry.description));
          list.appendChild(item);
        });
        section(kind[0]).appendChild(list);
      });
    layout.appendChild(main);

    var aside = element('aside', 'profile-aside');
    var facts = element('dl', 'facts');
    var fact = function (term, value) {
      if (!value) return;
      var row = element('div');
      row.appendChild(element('dt', null, term));
      row.appendChild(element('dd', null, value));
      facts.appendChild(row);
    };
    fact('Hourly rate', content.hourly_rate ? content.hourly_rate + ' ' + content.currency : '');
    var names = window.Intl && Intl.DisplayNames ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;
    fact('Languages', content.languages.map(function (language) {
      try { return names ? names.of(language.code) : language.code; } catch (error) { return language.code; }
    }).join(', '));
    fact('Categories', content.categories.map(function (slug) { return person.categories[slug] || slug; }).join(', '));
    aside.appendChild(facts);
    layout.appendChild(aside);
    target.appendChild(layout);
  }

  window.Agora = window.Agora || {};
  window.Agora.profilePreview = { draw: draw };
})();
