// The review server's page script. It reads what the server wrote into the page (boxes, ids) and
// never writes HTML: text goes in with textContent only, so nothing from a scan can run here.
(function () {
  'use strict';

  function boxOf(element) {
    var parts = element.dataset.box.split(',').map(Number);
    return { x: parts[0], y: parts[1], w: parts[2], h: parts[3] };
  }

  function setUpEditor() {
    var editor = document.getElementById('editor');
    if (!editor) {
      return null;
    }
    var op = document.getElementById('editor-op');
    var target = document.getElementById('editor-target');
    var value = document.getElementById('editor-value');
    var label = document.getElementById('editor-label');
    document.getElementById('editor-cancel').addEventListener('click', function () {
      editor.hidden = true;
    });
    return function open(kind, id, text, what) {
      op.value = kind;
      target.value = id;
      value.value = text;
      label.textContent = what + ' ';
      editor.hidden = false;
      value.focus();
      value.select();
    };
  }

  function setUpText(openEditor, mark) {
    document.querySelectorAll('#text .w').forEach(function (word) {
      word.addEventListener('click', function () {
        if (openEditor) {
          openEditor('word', word.dataset.word, word.textContent, 'Word ' + word.dataset.word + ':');
        }
      });
    });
    document.querySelectorAll('#text .edit-line').forEach(function (button) {
      var line = document.getElementById('line-' + button.dataset.line);
      button.addEventListener('click', function () {
        if (openEditor) {
          openEditor('line', button.dataset.line, line.dataset.text, 'Line ' + button.dataset.line + ':');
        }
      });
    });
    document.querySelectorAll('#text .line').forEach(function (line) {
      line.addEventListener('mouseenter', function () { mark(line.dataset.line, true); });
      line.addEventListener('mouseleave', function () { mark(line.dataset.line, false); });
    });
    document.querySelectorAll('#entities tr[data-entity]').forEach(function (row) {
      row.addEventListener('mouseenter', function () { markEntity(row.dataset.entity, true); });
      row.addEventListener('mouseleave', function () { markEntity(row.dataset.entity, false); });
    });
  }

  function markEntity(id, on) {
    document.querySelectorAll('[data-entity="' + CSS.escape(id) + '"]').forEach(function (element) {
      element.classList.toggle('hover', on);
    });
  }

  function setUpViewer() {
    var element = document.getElementById('viewer');
    if (!element || typeof OpenSeadragon === 'undefined') {
      return function () {};
    }
    var overlays = {};
    var viewer = OpenSeadragon({
      element: element,
      prefixUrl: '/assets/openseadragon/images/',
      tileSources: element.dataset.info,
      drawer: 'canvas',
      showNavigator: false,
      gestureSettingsMouse: { clickToZoom: false },
      crossOriginPolicy: false
    });
    viewer.addHandler('open', function () {
      var image = viewer.world.getItemAt(0);
      image.addHandler('fully-loaded-change', function (event) {
        if (event.fullyLoaded) {
          document.body.dataset.imageLoaded = 'yes';
        }
      });
      document.querySelectorAll('#text .line').forEach(function (line) {
        var overlay = addOverlay(viewer, image, line, 'ov ov-line' + (line.classList.contains('hit') ? ' hit' : ''));
        overlay.dataset.line = line.dataset.line;
        overlay.addEventListener('mouseenter', function () {
          mark(line.dataset.line, true);
          line.scrollIntoView({ block: 'nearest' });
        });
        overlay.addEventListener('mouseleave', function () { mark(line.dataset.line, false); });
        overlays[line.dataset.line] = overlay;
      });
      // Every word boxed, thinly; doubtful words, names and search matches in their colours.
      document.querySelectorAll('#text .w').forEach(function (word) {
        var overlay = addOverlay(viewer, image, word, 'ov ov-word ' + word.className.replace(/\bw\b/, ''));
        if (word.dataset.entity) {
          overlay.dataset.entity = word.dataset.entity;
        }
        overlay.addEventListener('mouseenter', function () { word.classList.add('hover'); });
        overlay.addEventListener('mouseleave', function () { word.classList.remove('hover'); });
      });
      var hit = document.querySelector('#text .line.hit');
      if (hit) {
        hit.scrollIntoView({ block: 'center' });
      }
    });
    function mark(id, on) {
      var line = document.getElementById('line-' + id);
      if (line) {
        line.classList.toggle('hover', on);
      }
      if (overlays[id]) {
        overlays[id].classList.toggle('hover', on);
      }
    }
    return mark;
  }

  function addOverlay(viewer, image, element, classes) {
    var box = boxOf(element);
    var overlay = document.createElement('div');
    overlay.className = classes;
    viewer.addOverlay({ element: overlay, location: image.imageToViewportRectangle(box.x, box.y, box.w, box.h) });
    return overlay;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var mark = setUpViewer();
    setUpText(setUpEditor(), mark);
  });
}());
