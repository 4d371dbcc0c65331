// hmbd-registry web UI: the large-text, high-contrast mode (remembered in this browser).
(function () {
  var root = document.documentElement;
  function apply(on) {
    root.classList.toggle('contrast', on);
    document.querySelectorAll('[data-testid=contrast-toggle]').forEach(function (b) {
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  var stored = false;
  try { stored = localStorage.getItem('hmbd-contrast') === '1'; } catch (e) { /* storage refused */ }
  apply(stored);
  document.addEventListener('DOMContentLoaded', function () {
    apply(root.classList.contains('contrast'));
    document.querySelectorAll('[data-testid=contrast-toggle]').forEach(function (b) {
      b.addEventListener('click', function () {
        var on = !root.classList.contains('contrast');
        try { localStorage.setItem('hmbd-contrast', on ? '1' : '0'); } catch (e) { /* storage refused */ }
        apply(on);
      });
    });
  });
})();
