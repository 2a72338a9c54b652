// Satisfaction vote pages: the "select all" box for the units, and reloading the opening form when the plan changes.
document.querySelectorAll('[data-select-all]').forEach(function (all) {
  var boxes = document.querySelectorAll('input[type=checkbox][name="' + all.dataset.selectAll + '"]');
  var sync = function () { all.checked = Array.prototype.every.call(boxes, function (b) { return b.checked; }); };
  all.addEventListener('change', function () { boxes.forEach(function (b) { b.checked = all.checked; }); });
  boxes.forEach(function (b) { b.addEventListener('change', sync); });
});
document.querySelectorAll('select[data-reload-with]').forEach(function (select) {
  select.addEventListener('change', function () {
    var url = new URL(window.location.href);
    url.searchParams.set(select.dataset.reloadWith, select.value);
    window.location.href = url.toString();
  });
});
var errors = document.getElementById('ballot-errors');
if (errors) errors.focus();
