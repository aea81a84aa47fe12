// The console's one small script. Every page works without it; it only adds comfort:
// - regions marked data-live (running work: sync tasks, feed imports, backups, scans) are fetched again from the
//   page's own address every two seconds and swapped in place, so scroll and focus stay where the reader left them;
// - one menu open at a time, closed by a click elsewhere or Escape;
// - copy buttons for pull commands and digests;
// - the browser's time zone remembered in a cookie, so times are shown in it (the preferences page changes it).
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

  function menus() {
    var groups = document.querySelectorAll('.topbar details');
    groups.forEach(function (group) {
      group.addEventListener('toggle', function () {
        if (group.open) {
          groups.forEach(function (other) { if (other !== group) { other.open = false; } });
        }
      });
    });
    document.addEventListener('click', function (event) {
      groups.forEach(function (group) { if (!group.contains(event.target)) { group.open = false; } });
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') {
        groups.forEach(function (group) { group.open = false; });
      }
    });
  }

  function copyButtons() {
    if (!navigator.clipboard) {
      return;
    }
    document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (source) {
          var label = button.textContent;
          navigator.clipboard.writeText(source.textContent.trim()).then(function () {
            button.textContent = button.getAttribute('data-copied') || '✓';
            setTimeout(function () { button.textContent = label; }, 1500);
          });
        }
      });
    });
  }

  function timeZone() {
    if (document.cookie.split('; ').some(function (c) { return c.indexOf('wharf-tz=') === 0; })) {
      return;
    }
    try {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (zone) {
        document.cookie = 'wharf-tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
      }
    } catch (e) { /* times stay in UTC, named so */ }
  }

  timeZone();
  document.addEventListener('DOMContentLoaded', function () {
    menus();
    copyButtons();
  });
  setTimeout(poll, 2000);
}());
