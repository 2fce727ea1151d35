// Drafts kept on the device until they are submitted (localStorage), for pages used with a poor connection.
// One small reusable module: window.EGDrafts.save/load/clear, plus two declarative hooks:
//   <form data-draft-key="k" [data-draft-saved="text"] [data-draft-restored="text"]>: every field (not files) is saved
//     as it changes and restored when the page opens again; a #draft-status element, if any, says so.
//   <element data-draft-clear="k">: the page shown after a successful submit drops draft k.
(function () {
  'use strict';
  var PREFIX = 'eg-draft:';

  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  var EGDrafts = {
    save: function (key, data) {
      var s = store();
      if (!s) { return false; }
      try {
        s.setItem(PREFIX + key, JSON.stringify({savedAt: new Date().toISOString(), fields: data}));
        return true;
      } catch (e) { return false; }
    },
    load: function (key) {
      var s = store();
      if (!s) { return null; }
      try { return JSON.parse(s.getItem(PREFIX + key)); } catch (e) { return null; }
    },
    clear: function (key) {
      var s = store();
      if (s) { s.removeItem(PREFIX + key); }
    },
    /** The form's fields as name -> value (radios: the checked one; files are never kept). */
    read: function (form) {
      var data = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.type === 'file' || el.type === 'hidden' || el.type === 'submit' || el.disabled) { return; }
        if (el.type === 'radio' || el.type === 'checkbox') {
          if (el.checked) { data[el.name] = el.value; } else if (!(el.name in data)) { data[el.name] = null; }
        } else {
          data[el.name] = el.value;
        }
      });
      return data;
    },
    write: function (form, data) {
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || !(el.name in data) || el.type === 'file' || el.type === 'hidden') { return; }
        if (el.type === 'radio' || el.type === 'checkbox') {
          el.checked = data[el.name] !== null && el.value === data[el.name];
        } else if (data[el.name] !== null) {
          el.value = data[el.name];
        }
      });
    }
  };
  window.EGDrafts = EGDrafts;

  function status(form, text) {
    var box = document.getElementById('draft-status');
    if (box && text) { box.textContent = text; box.hidden = false; }
  }

  function time(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleString();
  }

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('[data-draft-clear]'), function (el) {
      var key = el.getAttribute('data-draft-clear');
      if (key) { EGDrafts.clear(key); }
    });
    Array.prototype.forEach.call(document.querySelectorAll('form[data-draft-key]'), function (form) {
      var key = form.getAttribute('data-draft-key');
      var kept = EGDrafts.load(key);
      if (kept && kept.fields) {
        EGDrafts.write(form, kept.fields);
        status(form, (form.getAttribute('data-draft-restored') || 'Draft restored') + ' ' + time(kept.savedAt));
        form.dispatchEvent(new Event('eg:draft-restored'));
      }
      var save = function () {
        if (EGDrafts.save(key, EGDrafts.read(form))) {
          status(form, (form.getAttribute('data-draft-saved') || 'Draft saved') + ' ' + time(new Date().toISOString()));
        }
      };
      form.addEventListener('input', save);
      form.addEventListener('change', save);
    });
  });
})();
