// The gate page for one hand (issue 11, section 2).
// - Pass-scan mode (#pass-scan-toggle, remembered on the device): one big field takes the pass token,
//   which goes into the credential field the server verifies; then the health code, the temperature,
//   the answers and the submit button are focused in turn.
// - Undo (#undo-input): the form is snapshotted at every change, so the last input before submit can be
//   taken back, hidden fields (how the code arrived) included.
// - The decision is felt as well as seen: a tone for every verdict and, on a refusal, a vibration.
// gate.js keeps the scanner logic; this file only adds to it.
(function () {
  'use strict';
  var MODE_KEY = 'eg-gate-pass-scan';
  var undo = [];
  var current = null;

  function form() { return document.getElementById('gate-form'); }
  function main() { return document.querySelector('main.gate'); }
  function passScan() { var m = main(); return !!m && m.classList.contains('pass-scan'); }
  function en() { return document.documentElement.lang === 'en'; }

  function setMode(on) {
    var m = main();
    var toggle = document.getElementById('pass-scan-toggle');
    if (!m || !toggle) { return; }
    m.classList.toggle('pass-scan', on);
    toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
    try { window.localStorage.setItem(MODE_KEY, on ? '1' : '0'); } catch (e) { /* private mode: not remembered */ }
    if (on) { focusFirst(); }
  }

  function focusFirst() {
    var field = passScan() ? document.getElementById('passToken') : document.getElementById('scannedCode');
    if (field && !field.value) { field.focus(); }
  }

  // ---- Snapshots for undo: every named field (hidden ones too) and the pass field.
  function read(f) {
    var data = {};
    Array.prototype.forEach.call(f.elements, function (el) {
      if (!el.name || el.type === 'file' || el.type === 'submit' || el.type === 'button') { return; }
      if (el.type === 'radio' || el.type === 'checkbox') {
        data[el.name + '=' + el.value] = el.checked;
      } else {
        data[el.name] = el.value;
      }
    });
    var pass = document.getElementById('passToken');
    data['#passToken'] = pass ? pass.value : '';
    return data;
  }

  function write(f, data) {
    var changed = null;
    Array.prototype.forEach.call(f.elements, function (el) {
      if (!el.name || el.type === 'file' || el.type === 'submit' || el.type === 'button') { return; }
      if (el.type === 'radio' || el.type === 'checkbox') {
        var key = el.name + '=' + el.value;
        if (key in data && el.checked !== data[key]) { el.checked = data[key]; changed = changed || el; }
      } else if (el.name in data && el.value !== data[el.name]) {
        el.value = data[el.name];
        changed = changed || el;
      }
    });
    var pass = document.getElementById('passToken');
    if (pass && pass.value !== data['#passToken']) { pass.value = data['#passToken']; changed = pass; }
    return changed;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function remember() {
    var f = form();
    if (!f) { return; }
    var now = read(f);
    if (current && !same(current, now)) { undo.push(current); }
    current = now;
    var button = document.getElementById('undo-input');
    if (button) { button.disabled = undo.length === 0; }
  }

  function reset() {
    undo = [];
    current = form() ? read(form()) : null;
    var button = document.getElementById('undo-input');
    if (button) { button.disabled = true; }
  }

  function takeBack() {
    var f = form();
    remember();   // an edit not yet committed by a change event counts as the last input
    if (!f || !undo.length) { return; }
    var before = undo.pop();
    var codeBefore = f.elements.scannedCode ? f.elements.scannedCode.value : null;
    var field = write(f, before);
    current = before;
    if (f.elements.scannedCode && f.elements.scannedCode.value !== codeBefore) {
      // The lookup shown was for the code taken back.
      var lookup = document.getElementById('lookup');
      if (lookup) { lookup.innerHTML = ''; }
    }
    document.getElementById('undo-input').disabled = undo.length === 0;
    var status = document.getElementById('undo-status');
    if (status) { status.textContent = en() ? 'Last input taken back' : '已撤销上一步输入'; }
    if (field && field.focus) { field.focus(); }
  }

  // ---- The pass field: the token goes to the credential the server verifies, then the health code is next.
  function takePass(field, moveOn) {
    var f = form();
    var token = field.value.trim();
    if (!f || !token) { return; }
    f.elements.credentialRef.value = token;
    if (f.elements.credentialType) { f.elements.credentialType.value = 'PASS'; }
    remember();
    var next = document.getElementById('scannedCode');
    if (moveOn && next) { next.focus(); }
  }

  // After the temperature the answers, after the answers the submit button.
  function nextAfter(el) {
    var f = form();
    if (!f) { return null; }
    if (el.name === 'temperature') {
      return f.querySelector('input[name=symptoms]:checked') ? document.getElementById('submit-check')
        : f.querySelector('input[name=symptoms]');
    }
    if (el.name === 'symptoms') { return document.getElementById('submit-check'); }
    return null;
  }

  // ---- Feedback on a decision: a tone (Web Audio, no files) and a vibration on a refusal.
  var audio = null;
  function tone(frequencies) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var at = audio.currentTime;
      frequencies.forEach(function (hz, i) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = hz;
        osc.type = 'square';
        gain.gain.value = 0.15;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(at + i * 0.22); osc.stop(at + i * 0.22 + 0.18);
      });
    } catch (e) { /* no sound on this device: the colour still says it */ }
  }

  function feedback(decision) {
    var verdict = ['ALLOW', 'REFUSE', 'REFER'].filter(function (v) { return decision.classList.contains(v); })[0];
    if (!verdict) { return; }
    decision.setAttribute('data-feedback', verdict);
    if (verdict === 'ALLOW') { tone([880]); }
    if (verdict === 'REFER') { tone([660, 660]); }
    if (verdict === 'REFUSE') {
      tone([330, 220, 330]);
      if (navigator.vibrate) { navigator.vibrate([300, 120, 300]); }
    }
  }

  document.addEventListener('click', function (e) {
    var t = e.target;
    if (!t || !t.closest) { return; }
    if (t.closest('#pass-scan-toggle')) { setMode(!passScan()); return; }
    if (t.closest('#undo-input')) { takeBack(); return; }
    if (t.closest('#pass-camera')) {
      window.EGCamera.scan(document.getElementById('pass-camera-video')).then(function (code) {
        if (code === null) { return; }
        var field = document.getElementById('passToken');
        field.value = code;
        takePass(field, true);
      }).catch(function () { alert(window.EGCamera.unsupportedMessage()); });
    }
  });

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.key !== 'Enter' || !t || !passScan()) { return; }
    if (t.id === 'passToken') { e.preventDefault(); takePass(t, false); return; }
    var next = nextAfter(t);
    if (next) { e.preventDefault(); remember(); }
  });
  // The focus moves on when Enter is released: moved at keydown, the keyup would land on the next field
  // (and a keyup of Enter in the health-code field looks the code up, gate-page.js).
  document.addEventListener('keyup', function (e) {
    var t = e.target;
    if (e.key !== 'Enter' || !t || !passScan()) { return; }
    if (t.id === 'passToken') {
      if (t.value.trim()) { document.getElementById('scannedCode').focus(); }
      return;
    }
    var next = nextAfter(t);
    if (next) { next.focus(); }
  });

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (!t || !t.form || t.form.id !== 'gate-form') { return; }
    if (t.id === 'passToken') { takePass(t, false); return; }
    remember();
    if (passScan() && t.name === 'symptoms') {
      var next = nextAfter(t);
      if (next) { next.focus(); }
    }
  });

  document.addEventListener('htmx:afterSwap', function (e) {
    var target = e.detail.target;
    if (target && target.id === 'lookup') { remember(); return; }
    if (!document.getElementById('gate-form') || (target && target.id !== 'workspace' && !target.querySelector('#gate-form'))) { return; }
    reset();
    var decision = document.getElementById('decision');
    if (decision) { feedback(decision); }
  });
  // After htmx has settled the new workspace (and focused its autofocus field, the health code):
  // in pass-scan mode the verdict is shown from the top and the pass field waits for the next person.
  document.addEventListener('htmx:afterSettle', function (e) {
    var target = e.detail.target;
    if (!passScan() || !target || target.id !== 'workspace') { return; }
    var decision = document.getElementById('decision');
    if (decision) { decision.scrollIntoView({ block: 'start' }); }
    var pass = document.getElementById('passToken');
    if (pass) { pass.focus({ preventScroll: true }); }
  });

  document.addEventListener('DOMContentLoaded', function () {
    if (!form()) { return; }
    var on = false;
    try { on = window.localStorage.getItem(MODE_KEY) === '1'; } catch (e) { on = false; }
    setMode(on);
    reset();
  });
})();
