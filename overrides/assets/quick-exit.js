/* Quick exit, after GOV.UK Frontend's "Exit this page", with two improvements:
 * - location.replace(): the exit replaces this page in the history, so Back does not return to it
 *   (earlier pages of the visit stay in the history: the "cover your tracks" page says so);
 * - nothing is stored anywhere.
 * Without JavaScript the links still work as plain links (rel="noreferrer").
 * Escape is deliberately NOT a shortcut: it stops page loading, closes menus and dialogs first, and
 * readers press it by reflex (reasons GOV.UK gave); Shift pressed three times is used instead. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-pav-quick-exit-bar]");
  var links = document.querySelectorAll("[data-pav-quick-exit]");
  if (!bar || !links.length) return;

  var destination = links[0].href;
  var announcer = bar.querySelector("[data-pav-announcer]");
  var PRESSES_NEEDED = 3;
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;

  function exitNow(event) {
    if (event) event.preventDefault();
    // Hide everything at once, before the next page has even started to load.
    document.documentElement.classList.add("pav-exiting");
    var overlay = document.createElement("div");
    overlay.className = "pav-overlay";
    overlay.setAttribute("role", "alert");
    overlay.textContent = bar.getAttribute("data-loading");
    document.body.appendChild(overlay);
    window.location.replace(destination);
  }

  // Back-forward cache: if the reader comes back, the page must be usable again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.documentElement.classList.remove("pav-exiting");
    var overlays = document.querySelectorAll(".pav-overlay");
    for (var i = 0; i < overlays.length; i++) overlays[i].remove();
  });

  function announce(text) {
    announcer.textContent = text;
  }

  function showProgress() {
    bar.setAttribute("data-presses", String(presses));
  }

  function reset(announceExpiry) {
    window.clearTimeout(timer);
    if (announceExpiry && presses > 0) announce(bar.getAttribute("data-expired"));
    presses = 0;
    showProgress();
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      // Any other key, including a letter typed with Shift held, starts the count again.
      if (presses > 0) reset(false);
      return;
    }
    if (event.repeat) return;
    presses += 1;
    window.clearTimeout(timer);
    if (presses >= PRESSES_NEEDED) {
      reset(false);
      exitNow();
      return;
    }
    showProgress();
    announce(bar.getAttribute(presses === 1 ? "data-press-2" : "data-press-1"));
    timer = window.setTimeout(function () { reset(true); }, WINDOW_MS);
  });

  for (var i = 0; i < links.length; i++) links[i].addEventListener("click", exitNow);
})();
