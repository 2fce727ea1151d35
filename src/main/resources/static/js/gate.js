// Gate page: after a decision the scan field gets the focus again, so a keyboard-wedge scanner
// can type the next code; after a scan is looked up the temperature is next. The camera uses the
// browser's BarcodeDetector when present.
document.addEventListener('htmx:afterSwap', function (e) {
  var next = e.detail.target.id === 'lookup' ? document.querySelector('#gate-form input[name=temperature]')
    : e.detail.target.id === 'workspace' ? document.getElementById('scannedCode') : null;
  if (next && !next.value) { next.focus(); }
});
document.addEventListener('click', async function (e) {
  if (!e.target || e.target.id !== 'camera-scan') { return; }
  var video = document.getElementById('camera');
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) {
    alert(document.documentElement.lang === 'en' ? 'Camera scanning is not supported here; use the scanner.' : '此浏览器不支持相机扫码，请使用扫码枪。');
    return;
  }
  var stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
  video.srcObject = stream; video.style.display = 'block'; await video.play();
  var detector = new BarcodeDetector({ formats: ['qr_code'] });
  var timer = setInterval(async function () {
    var codes = await detector.detect(video);
    if (codes.length) {
      clearInterval(timer); stream.getTracks().forEach(function (t) { t.stop(); }); video.style.display = 'none';
      var field = document.getElementById('scannedCode');
      field.value = codes[0].rawValue; field.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }, 300);
});
