// Keeps a region of a console page current while work runs (a feed import...) without reloading the page, so scroll
// and focus stay where the reader left them: every element marked data-live is fetched again from the page's own
// address every two seconds and swapped in place, until the server renders it without data-live. Without JavaScript
// the page still works: the region carries a Refresh link.
(function () {
  'use strict';
  function poll() {
    var live = document.querySelectorAll('[data-live]');
    if (live.length === 0) {
      return;
    }
    fetch(window.location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (answer) { return answer.ok ? answer.text() : null; })
      .then(function (html) {
        if (html === null) {
          return;
        }
        var next = new DOMParser().parseFromString(html, 'text/html');
        live.forEach(function (region) {
          var fresh = region.id ? next.getElementById(region.id) : null;
          if (fresh) {
            region.replaceWith(document.importNode(fresh, true));
          }
        });
      })
      .catch(function () { /* the next poll tries again */ })
      .finally(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 2000);
}());
