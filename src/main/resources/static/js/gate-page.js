// Gate page: Enter in the scan field (a keyboard-wedge scanner ends each code with Enter) looks the
// code up and never submits the form. Bound on the document, so it holds for the field htmx swaps
// in after each decision; kept out of the template because the page's CSP runs no inline handler.
document.addEventListener('keydown', function (e) {
  if (e.key === 'Enter' && e.target && e.target.id === 'scannedCode') { e.preventDefault(); }
});
document.addEventListener('keyup', function (e) {
  if (e.key === 'Enter' && e.target && e.target.id === 'scannedCode') { htmx.trigger(e.target, 'scan-enter'); }
});
