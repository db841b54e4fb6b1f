/* A square cropper for a photo chosen on this device: the image is shown with the square the site will keep, which
 * the person moves by dragging it or with three sliders (size, left or right, up or down), all in pixels of the
 * upright image as the browser shows it — the box the service expects (`left,top,size`). Nothing leaves the device
 * until the page sends the file with `box()`. */
(function () {
  'use strict';

  /**
   * Shows `file` in `parts` ({ frame, image, box, size, left, top }); `minimum` is the smallest square allowed.
   * Resolves to { box(), close() } once the image is read, or rejects with a message for the person.
   */
  function open(parts, file, minimum) {
    var url = URL.createObjectURL(file);
    return new Promise(function (resolve, reject) {
      parts.image.onload = function () {
        var width = parts.image.naturalWidth;
        var height = parts.image.naturalHeight;
        if (Math.min(width, height) < minimum) {
          URL.revokeObjectURL(url);
          reject('The photo is ' + width + ' × ' + height + ' pixels: it needs to be at least ' + minimum + ' × ' + minimum + '.');
          return;
        }
        var largest = Math.min(width, height);
        var crop = { size: largest, left: Math.floor((width - largest) / 2), top: Math.floor((height - largest) / 2) };
        parts.size.min = minimum;
        parts.size.max = largest;

        function draw() {
          crop.size = Math.max(minimum, Math.min(crop.size, largest));
          crop.left = Math.max(0, Math.min(crop.left, width - crop.size));
          crop.top = Math.max(0, Math.min(crop.top, height - crop.size));
          parts.left.max = width - crop.size;
          parts.top.max = height - crop.size;
          parts.size.value = crop.size;
          parts.left.value = crop.left;
          parts.top.value = crop.top;
          parts.left.disabled = width === crop.size;
          parts.top.disabled = height === crop.size;
          parts.box.style.left = (crop.left / width * 100) + '%';
          parts.box.style.top = (crop.top / height * 100) + '%';
          parts.box.style.width = (crop.size / width * 100) + '%';
          parts.box.style.height = (crop.size / height * 100) + '%';
        }

        function slide(name) {
          return function () {
            var centre = { left: crop.left + crop.size / 2, top: crop.top + crop.size / 2 };
            crop[name] = Number(parts[name].value);
            // A new size keeps the square's centre where it was.
            if (name === 'size') {
              crop.left = Math.round(centre.left - crop.size / 2);
              crop.top = Math.round(centre.top - crop.size / 2);
            }
            draw();
          };
        }
        var listeners = ['size', 'left', 'top'].map(function (name) {
          var listener = slide(name);
          parts[name].addEventListener('input', listener);
          return { name: name, listener: listener };
        });

        var drag = null;
        function down(event) {
          drag = { x: event.clientX, y: event.clientY, left: crop.left, top: crop.top, scale: width / parts.image.clientWidth };
          parts.box.setPointerCapture(event.pointerId);
          event.preventDefault();
        }
        function move(event) {
          if (!drag) return;
          crop.left = Math.round(drag.left + (event.clientX - drag.x) * drag.scale);
          crop.top = Math.round(drag.top + (event.clientY - drag.y) * drag.scale);
          draw();
        }
        function up() { drag = null; }
        parts.box.addEventListener('pointerdown', down);
        parts.box.addEventListener('pointermove', move);
        parts.box.addEventListener('pointerup', up);
        draw();

        resolve({
          box: function () { return crop.left + ',' + crop.top + ',' + crop.size; },
          close: function () {
            listeners.forEach(function (entry) { parts[entry.name].removeEventListener('input', entry.listener); });
            parts.box.removeEventListener('pointerdown', down);
            parts.box.removeEventListener('pointermove', move);
            parts.box.removeEventListener('pointerup', up);
            parts.image.removeAttribute('src');
            URL.revokeObjectURL(url);
          }
        });
      };
      parts.image.onerror = function () {
        URL.revokeObjectURL(url);
        reject('This file cannot be shown as an image here: choose a JPEG, PNG or WebP photo.');
      };
      parts.image.src = url;
    });
  }

  /**
   * The photo section of a settings page (`Layouts/partials/photo-picker.mustache`): choose a file, crop it, send it
   * to `options.path` with its progress, or remove the photo. `options.done(data, removed)` receives the service's
   * answer; `options.failed(result)` a refused removal; `options.initials()` stands in without a photo. Answers
   * { show(photo) }, which shows a photo as the service describes it (or the initials for none).
   */
  function picker(options) {
    var element = Agora.element;
    var byId = function (id) { return document.getElementById(id); };
    var photo = {
      file: byId('photo-file'), current: byId('photo-current'), remove: byId('photo-remove'), error: byId('photo-error'),
      cropper: byId('photo-cropper'), progress: byId('photo-progress'), use: byId('photo-use'), cancel: byId('photo-cancel'),
      parts: { frame: byId('crop-frame'), image: byId('crop-image'), box: byId('crop-box'), size: byId('crop-size'), left: byId('crop-left'), top: byId('crop-top') }
    };
    var cropping = null;

    function show(current) {
      photo.current.textContent = '';
      photo.remove.hidden = !current;
      if (!current) {
        photo.current.textContent = options.initials();
        return;
      }
      var picture = element('picture');
      var source = element('source');
      source.type = 'image/webp';
      source.srcset = current.webp_srcset;
      source.sizes = '120px';
      var image = element('img');
      image.src = current.url;
      image.srcset = current.jpeg_srcset;
      image.sizes = '120px';
      image.alt = '';
      image.width = 120;
      image.height = 120;
      picture.appendChild(source);
      picture.appendChild(image);
      photo.current.appendChild(picture);
    }

    function closeCropper() {
      if (cropping) cropping.close();
      cropping = null;
      photo.cropper.hidden = true;
      photo.progress.hidden = true;
      photo.file.value = '';
    }

    photo.file.addEventListener('change', function () {
      photo.error.textContent = '';
      photo.file.removeAttribute('aria-invalid');
      if (cropping) cropping.close();
      var chosen = photo.file.files[0];
      if (!chosen) return;
      open(photo.parts, chosen, Number(photo.parts.size.min)).then(function (cropper) {
        cropping = cropper;
        photo.cropper.hidden = false;
        photo.parts.size.focus();
      }, function (message) {
        closeCropper();
        photo.error.textContent = message;
        photo.file.setAttribute('aria-invalid', 'true');
      });
    });
    photo.cancel.addEventListener('click', closeCropper);
    photo.use.addEventListener('click', function () {
      var chosen = photo.file.files[0];
      if (!chosen || !cropping) return;
      photo.use.disabled = true;
      photo.progress.hidden = false;
      photo.progress.value = 0;
      Agora.upload(options.path, chosen, function (fraction) { photo.progress.value = fraction; }, { crop: cropping.box() })
        .then(function (result) {
          photo.use.disabled = false;
          if (!result.ok) {
            photo.progress.hidden = true;
            var data = result.data || {};
            var subjects = { file: 'The photo ', crop: 'The square ' };
            var messages = (data.errors || []).map(function (error) { return (subjects[error.field] || error.field + ' ') + error.message + '.'; });
            photo.error.textContent = messages.length ? messages.join(' ') : (data.detail || 'The photo could not be sent.');
            photo.file.setAttribute('aria-invalid', 'true');
            return;
          }
          closeCropper();
          options.done(result.data, false);
        });
    });
    photo.remove.addEventListener('click', function () {
      Agora.api('DELETE', options.path).then(function (result) {
        if (!result.ok) return options.failed(result);
        options.done(result.data, true);
      });
    });
    return { show: show };
  }

  window.Agora = window.Agora || {};
  window.Agora.photoCropper = { open: open, picker: picker };
})();
