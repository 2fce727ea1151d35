// The inspection form on a phone: the running score as items are filled (the server scores it again on submit).
(function () {
  'use strict';
  function number(v) {
    var n = parseFloat(v);
    return isNaN(n) ? null : n;
  }

  function score(form) {
    var total = 0;
    var any = false;
    Array.prototype.forEach.call(form.querySelectorAll('.inspect-item[data-item]'), function (item) {
      var id = item.getAttribute('data-item');
      var mode = item.getAttribute('data-mode');
      var max = number(item.getAttribute('data-max')) || 0;
      var field = form.querySelector('[name="v.' + id + '"]:checked') || form.querySelector('input[type=number][name="v.' + id + '"]');
      var value = field ? number(field.value) : null;
      if (value === null) { return; }
      any = true;
      if (mode === 'DEDUCTION') { total += max - value; } else { total += value; }
    });
    return any ? Math.round(total * 10) / 10 : null;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('inspect-form');
    var live = document.getElementById('live-score-value');
    var box = document.getElementById('live-score');
    if (!form || !live || !box) { return; }
    var update = function () {
      var s = score(form);
      live.textContent = s === null ? '—' : s + ' / ' + (number(box.getAttribute('data-total')) || 0);
    };
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('eg:draft-restored', update);
    update();
  });
})();
