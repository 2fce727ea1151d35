// Reads one QR code with the phone's camera, for the gate page's health-code and pass fields.
// EGCamera.scan(video) resolves with the code's text, or null when the guard stops it (EGCamera.stop()).
// The browser's own BarcodeDetector is used where it exists; elsewhere the ZXing library is loaded
// once (same origin, so the CSP's script-src 'self' allows it): @zxing/library 0.23.0's UMD build, taken
// unchanged from the npm registry into static/js/vendor with its licence (Apache-2.0), since no WebJar of
// it is served to this build. Without either the
// promise is rejected with 'unsupported' and the page says to use the scanner.
(function () {
  'use strict';
  var FALLBACK = '/js/vendor/zxing-library-0.23.0.min.js';
  var current = null;
  var fallbackLoaded = null;

  function loadFallback() {
    if (window.ZXing) { return Promise.resolve(window.ZXing); }
    if (!fallbackLoaded) {
      fallbackLoaded = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = FALLBACK;
        script.onload = function () { return window.ZXing ? resolve(window.ZXing) : reject(new Error('unsupported')); };
        script.onerror = function () { fallbackLoaded = null; reject(new Error('unsupported')); };
        document.head.appendChild(script);
      });
    }
    return fallbackLoaded;
  }

  function stopCurrent() {
    if (!current) { return; }
    var c = current;
    current = null;
    if (c.timer) { clearInterval(c.timer); }
    if (c.reader && c.reader.reset) { c.reader.reset(); }
    if (c.stream) { c.stream.getTracks().forEach(function (t) { t.stop(); }); }
    c.video.hidden = true;
    c.resolve(null);
  }

  function withDetector(video, resolve, reject) {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
      current = { video: video, stream: stream, resolve: resolve };
      video.srcObject = stream;
      video.hidden = false;
      return video.play().then(function () {
        var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        var mine = current;
        mine.timer = setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (codes.length && current === mine) {
              current = null;
              clearInterval(mine.timer);
              stream.getTracks().forEach(function (t) { t.stop(); });
              video.hidden = true;
              resolve(codes[0].rawValue);
            }
          }).catch(function () { /* a frame that could not be read: try the next one */ });
        }, 250);
      });
    }).catch(reject);
  }

  function withFallback(video, resolve, reject) {
    loadFallback().then(function (ZXing) {
      var reader = new ZXing.BrowserQRCodeReader();
      current = { video: video, reader: reader, resolve: resolve };
      video.hidden = false;
      return reader.decodeOnceFromVideoDevice(undefined, video).then(function (result) {
        if (current && current.reader === reader) {
          current = null;
          reader.reset();
          video.hidden = true;
          resolve(result.getText());
        }
      });
    }).catch(reject);
  }

  window.EGCamera = {
    /** Whether a camera can be asked for at all (the reader may still have to be loaded). */
    available: function () {
      return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
    },
    scan: function (video) {
      stopCurrent();
      return new Promise(function (resolve, reject) {
        if (!window.EGCamera.available()) { reject(new Error('unsupported')); return; }
        if ('BarcodeDetector' in window) { withDetector(video, resolve, reject); } else { withFallback(video, resolve, reject); }
      });
    },
    stop: stopCurrent,
    /** Loads the ZXing reader used where the browser has no BarcodeDetector (resolves with the library). */
    loadFallback: loadFallback,
    unsupportedMessage: function () {
      return document.documentElement.lang === 'en' ? 'Camera scanning is not available here; use the scanner.' : '此设备无法使用相机扫码，请使用扫码枪。';
    }
  };
})();
