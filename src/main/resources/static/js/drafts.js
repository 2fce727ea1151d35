// Drafts kept on the device until they are submitted (localStorage), for pages used with a poor connection.
// One small reusable module: window.EGDrafts.save/load/clear, plus two declarative hooks:
//   <form data-draft-key="k" [data-draft-saved="text"] [data-draft-restored="text"]>: every field (not files) is saved
//     as it changes and restored when the page opens again; a #draft-status element, if any, says so.
//   <element data-draft-clear="k">: the page shown after a successful submit drops draft k.
//   <form data-draft-key="k" data-queue-offline [data-queue-queued="text"] [data-queue-sent="text"]
//         [data-queue-refused="text"] [data-queue-photo-again="text"]>: a submit made while offline is not
//     lost: the navigation is prevented, the form's data (not files) is kept as draft k marked queued, and
//     it is sent when the network is back (the online event, a probe every 30 s, and whenever a page with
//     this script opens): the page it was filled on is fetched again for a fresh CSRF token, the data is
//     POSTed, and on success (a redirect elsewhere) the draft is dropped; a refusal (4xx, or the form shown
//     again with its errors) keeps the draft, no longer queued, and shows the server's message.
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

  // ---- Queued submissions (data-queue-offline) ----
  var sending = {};          // key -> true while a send is under way (one at a time per draft)
  var filesInMemory = {};    // key -> [[name, File]] chosen before queuing: kept only while the page stays open

  function queueText(form, attr, fallback) {
    return (form && form.getAttribute(attr)) || fallback;
  }

  function queue(form, key) {
    var pairs = [];
    var files = [];
    var fileRequired = false;
    new FormData(form).forEach(function (value, name) {
      if (name === '_csrf') { return; }
      if (typeof value === 'string') { pairs.push([name, value]); } else if (value && value.size > 0) { files.push([name, value]); }
    });
    Array.prototype.forEach.call(form.querySelectorAll('input[type=file][required]'), function () { fileRequired = true; });
    filesInMemory[key] = files;
    var s = store();
    if (!s) { return false; }
    try {
      s.setItem(PREFIX + key, JSON.stringify({savedAt: new Date().toISOString(), fields: EGDrafts.read(form), queued: true,
        page: window.location.href, action: form.action, pairs: pairs, fileRequired: fileRequired,
        texts: {sent: form.getAttribute('data-queue-sent'), refused: form.getAttribute('data-queue-refused'),
          photoAgain: form.getAttribute('data-queue-photo-again')}}));
    } catch (e) { return false; }
    status(form, queueText(form, 'data-queue-queued', 'Saved on this phone, it will be submitted once online'));
    return true;
  }

  function queuedKeys() {
    var s = store();
    var keys = [];
    if (!s) { return keys; }
    for (var i = 0; i < s.length; i++) {
      var k = s.key(i);
      if (k && k.indexOf(PREFIX) === 0) {
        var d = EGDrafts.load(k.substring(PREFIX.length));
        if (d && d.queued) { keys.push(k.substring(PREFIX.length)); }
      }
    }
    return keys;
  }

  function formFor(key) {
    return document.querySelector('form[data-draft-key="' + key.replace(/"/g, '') + '"]');
  }

  function path(url) {
    try { return new URL(url, window.location.href).pathname; } catch (e) { return url; }
  }

  function firstError(doc) {
    var el = doc.querySelector('.alert-error');
    return el ? el.textContent.replace(/\s+/g, ' ').trim() : '';
  }

  function send(key) {
    var d = EGDrafts.load(key);
    if (!d || !d.queued || sending[key] || !navigator.onLine) { return Promise.resolve(); }
    var texts = d.texts || {};
    var form = formFor(key);
    var files = filesInMemory[key] || [];
    if (d.fileRequired && files.length === 0) {
      d.queued = false;
      EGDrafts.save(key, d.fields);
      status(form, texts.photoAgain || 'Attach the photo again, then submit');
      return Promise.resolve();
    }
    sending[key] = true;
    return fetch(d.page, {credentials: 'same-origin', cache: 'no-store'}).then(function (page) {
      if (!page.ok || path(page.url) !== path(d.page)) { throw new Error('not the form page (logged out?)'); }
      return page.text();
    }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var token = doc.querySelector('input[name=_csrf]') || doc.querySelector('meta[name=_csrf]');
      var body = new FormData();
      d.pairs.forEach(function (p) { body.append(p[0], p[1]); });
      files.forEach(function (f) { body.append(f[0], f[1]); });
      if (token) { body.append('_csrf', token.value || token.getAttribute('content')); }
      return fetch(d.action, {method: 'POST', body: body, credentials: 'same-origin'});
    }).then(function (response) {
      return response.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        if (response.ok && response.redirected && path(response.url) !== path(d.action)) {
          EGDrafts.clear(key);
          delete filesInMemory[key];
          var done = doc.querySelector('main .alert-ok');
          status(form, (texts.sent || 'Submitted') + (done ? ' ' + done.textContent.trim() : ''));
          if (form) { form.reset(); }
        } else if (response.status >= 500) {
          throw new Error('server error ' + response.status);
        } else {
          // Refused: the draft stays, no longer queued, with the server's reason.
          var kept = EGDrafts.load(key) || d;
          EGDrafts.save(key, kept.fields);
          status(form, (texts.refused || 'Not submitted:') + ' ' + (firstError(doc) || response.status));
        }
      });
    }).catch(function () {
      // No network yet (or logged out): stays queued for the next try.
    }).then(function () { delete sending[key]; });
  }

  function sendQueued() {
    if (!navigator.onLine) { return; }
    queuedKeys().forEach(send);
  }
  EGDrafts.sendQueued = sendQueued;

  window.addEventListener('online', sendQueued);
  window.setInterval(sendQueued, 30000);

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
      if (kept && kept.queued) {
        status(form, queueText(form, 'data-queue-queued', 'Saved on this phone, it will be submitted once online'));
      }
      if (form.hasAttribute('data-queue-offline')) {
        form.addEventListener('submit', function (e) {
          if (navigator.onLine) { return; }
          e.preventDefault();
          queue(form, key);
        });
      }
      var save = function () {
        var now = EGDrafts.load(key);
        if (now && now.queued) {
          // Still waiting to be sent: what is changed now goes with it.
          queue(form, key);
          return;
        }
        if (EGDrafts.save(key, EGDrafts.read(form))) {
          status(form, (form.getAttribute('data-draft-saved') || 'Draft saved') + ' ' + time(new Date().toISOString()));
        }
      };
      form.addEventListener('input', save);
      form.addEventListener('change', save);
    });
    sendQueued();
  });
})();
