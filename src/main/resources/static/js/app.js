// Sends the CSRF token with every htmx request.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) { e.detail.headers[header.content] = token.content; }
});
// htmx leaves error responses unswapped; show their message (the server sends a short fragment) instead of nothing.
document.addEventListener('htmx:beforeSwap', function (e) {
  if (e.detail.xhr.status >= 400) {
    var flash = document.getElementById('flash');
    if (flash) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
      e.detail.target = flash;
      e.detail.swapOverride = 'innerHTML';
    }
  }
});
document.addEventListener('htmx:sendError', function () {
  var flash = document.getElementById('flash');
  if (flash) { flash.innerHTML = '<div class="alert alert-error" role="alert">' + (document.documentElement.lang === 'en' ? 'Network error: nothing was sent. Submit again; a repeat is stored once.' : '网络异常，未能提交。请重新提交（重复提交只保存一次）。') + '</div>'; }
});
document.addEventListener('htmx:beforeRequest', function () {
  var flash = document.getElementById('flash');
  if (flash) { flash.innerHTML = ''; }
});
// A filter that applies on change (data-submit-on-change), instead of an inline onchange the CSP would refuse: the
// select itself, or a select inside an element so marked (the estate picker; its search field only looks options up).
document.addEventListener('change', function (e) {
  var t = e.target;
  if (t && t.matches && t.matches('select') && t.closest('[data-submit-on-change]') && t.form) { t.form.submit(); }
});
