// Behaviour every page shares. No inline handlers anywhere: the Content-Security-Policy allows scripts from files only.
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () { window.print(); });
});
