// Gate page: after a decision the scan field gets the focus again, so a keyboard-wedge scanner
// can type the next code; after a scan is looked up the temperature is next. The camera uses the
// browser's BarcodeDetector when present, else a fallback (camera-scan.js). The form posts how the code arrived (codeInput).
document.addEventListener('htmx:afterSwap', function (e) {
  var next = e.detail.target.id === 'lookup' ? document.querySelector('#gate-form input[name=temperature]')
    : e.detail.target.id === 'workspace' ? document.getElementById('scannedCode') : null;
  if (next && !next.value) { next.focus(); }
});
document.addEventListener('click', function (e) {
  if (!e.target || e.target.id !== 'camera-scan') { return; }
  // camera-scan.js: the browser's BarcodeDetector, or the WebJar fallback where the browser has none.
  window.EGCamera.scan(document.getElementById('camera')).then(function (code) {
    if (code === null) { return; }
    var field = document.getElementById('scannedCode');
    field.value = code; setCodeInput('CAMERA');
    field.dispatchEvent(new Event('change', { bubbles: true }));
  }).catch(function () { alert(window.EGCamera.unsupportedMessage()); });
});

// Only a scanner or the camera counts as a scan ("不得以亮码代替扫码"): a keyboard-wedge scanner types
// the whole code as a burst of keys (at least SCANNER_MIN_CHARS, SCANNER_MAX_AVG_GAP_MS apart on
// average) ending in Enter. Anything else in the field (keys typed by hand, a paste, an edit) is TYPED,
// and the server refuses a typed code as it refuses a shown one.
var SCANNER_MIN_CHARS = 8, SCANNER_MAX_AVG_GAP_MS = 40;
var codeKeys = [], codeEdited = false;
function setCodeInput(how) {
  var input = document.getElementById('codeInput');
  if (input) { input.value = how; }
}
function scannerBurst(field) {
  var n = codeKeys.length;
  if (codeEdited || n < SCANNER_MIN_CHARS || field.value.length !== n) { return false; }
  return (codeKeys[n - 1] - codeKeys[0]) / (n - 1) <= SCANNER_MAX_AVG_GAP_MS;
}
document.addEventListener('keydown', function (e) {
  var field = e.target;
  if (!field || field.id !== 'scannedCode') { return; }
  if (e.key === 'Enter') {
    setCodeInput(scannerBurst(field) ? 'SCANNER' : 'TYPED');
    codeKeys = []; codeEdited = false;
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    if (!field.value) { codeKeys = []; codeEdited = false; }
    codeKeys.push(e.timeStamp);
  }
}, true);
document.addEventListener('input', function (e) {
  var field = e.target;
  if (!field || field.id !== 'scannedCode') { return; }
  // Keys typed are judged at Enter; a paste, a drop or a deletion is never part of a scan.
  if (e.inputType !== 'insertText') { codeEdited = true; }
  setCodeInput('TYPED');
}, true);
