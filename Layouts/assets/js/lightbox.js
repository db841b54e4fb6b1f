/* The portfolio's lightbox on provider pages: a link to an image (`a[data-lightbox]`, grouped by its value) opens
 * the image large in a modal dialog, with its caption, "3 of 5", previous and next (buttons and the arrow keys), and
 * a close button; Escape closes it and focus returns to the link. Without this script the link opens the image. */
(function () {
  'use strict';
  var links = Array.prototype.slice.call(document.querySelectorAll('a[data-lightbox]'));
  if (!links.length || typeof HTMLDialogElement !== 'function') return;

  var element = Agora.element;

  var dialog = element('dialog', 'lightbox');
  dialog.setAttribute('aria-label', 'Image viewer');
  var figure = element('figure');
  var image = element('img');
  var caption = element('figcaption');
  var counter = element('p', 'lightbox-counter');
  counter.setAttribute('aria-live', 'polite');
  var controls = element('div', 'lightbox-controls');
  var previous = element('button', 'button button-secondary', 'Previous');
  var next = element('button', 'button button-secondary', 'Next');
  var close = element('button', 'button button-primary', 'Close');
  [previous, next, close].forEach(function (button) { button.type = 'button'; controls.appendChild(button); });
  figure.appendChild(image);
  figure.appendChild(caption);
  dialog.appendChild(figure);
  dialog.appendChild(counter);
  dialog.appendChild(controls);
  document.body.appendChild(dialog);

  var state = { group: [], index: 0, opener: null };

  function show(index) {
    state.index = (index + state.group.length) % state.group.length;
    var link = state.group[state.index];
    image.src = link.href;
    image.alt = link.getAttribute('aria-label') || '';
    caption.textContent = link.getAttribute('aria-label') || '';
    counter.textContent = (state.index + 1) + ' of ' + state.group.length;
    previous.hidden = next.hidden = state.group.length < 2;
  }

  links.forEach(function (link) {
    link.addEventListener('click', function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      var name = link.getAttribute('data-lightbox');
      // An image shown twice (a cover also among the thumbnails) counts once.
      state.group = links.filter(function (other, position) {
        return other.getAttribute('data-lightbox') === name && links.findIndex(function (first) { return first.href === other.href; }) === position;
      });
      state.opener = link;
      show(state.group.findIndex(function (other) { return other.href === link.href; }));
      dialog.showModal();
      close.focus();
      if (Agora.countView) Agora.countView('portfolio');
    });
  });
  previous.addEventListener('click', function () { show(state.index - 1); });
  next.addEventListener('click', function () { show(state.index + 1); });
  close.addEventListener('click', function () { dialog.close(); });
  dialog.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowLeft' && state.group.length > 1) { event.preventDefault(); show(state.index - 1); }
    if (event.key === 'ArrowRight' && state.group.length > 1) { event.preventDefault(); show(state.index + 1); }
  });
  dialog.addEventListener('click', function (event) { if (event.target === dialog) dialog.close(); });
  dialog.addEventListener('close', function () {
    image.removeAttribute('src');
    if (state.opener) state.opener.focus();
  });
})();
