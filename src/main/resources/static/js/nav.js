// The header on a phone: the links and the user fold into a menu (CSS hides #nav-panel under 700px);
// the menu button opens and closes it, Escape closes it. On a wider screen the button is hidden and
// the panel is always shown, so this does nothing there.
(function () {
  'use strict';
  function toggle(open) {
    var button = document.getElementById('menu-toggle');
    var bar = button && button.closest('.topbar');
    if (!bar) { return; }
    bar.classList.toggle('nav-open', open);
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
  }
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest ? e.target.closest('#menu-toggle') : null;
    if (button) { toggle(button.getAttribute('aria-expanded') !== 'true'); }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      var button = document.getElementById('menu-toggle');
      if (button && button.getAttribute('aria-expanded') === 'true') { toggle(false); button.focus(); }
    }
  });
})();
