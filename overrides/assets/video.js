/* External videos: nothing is loaded from the platform until the reader presses play. Then the
 * platform's privacy-enhanced embed replaces the placeholder (no referrer sent). Nothing is stored. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-pav-embed]"), function (placeholder) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "pav-button pav-embed__play";
    button.textContent = placeholder.getAttribute("data-play");
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = placeholder.getAttribute("data-embed");
      frame.title = placeholder.getAttribute("data-title");
      frame.width = "640";
      frame.height = "360";
      frame.referrerPolicy = "no-referrer";
      frame.allow = "fullscreen; picture-in-picture";
      frame.className = "pav-video";
      placeholder.replaceWith(frame);
      frame.focus();
    });
    placeholder.appendChild(button);
  });
})();
