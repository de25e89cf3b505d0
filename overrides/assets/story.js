/* Interactive stories: one scene at a time, as a phone conversation. Without JavaScript every scene is
 * on the page and choices are ordinary links. Choices do not add history entries; nothing is stored. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-pav-story]"), function (story) {
    var scenes = story.querySelectorAll(".pav-scene");
    var start = story.getAttribute("data-start");

    function show(id) {
      var target = null;
      Array.prototype.forEach.call(scenes, function (scene) {
        var current = scene.id === id;
        scene.hidden = !current;
        if (current) target = scene;
      });
      return target;
    }

    function go(id) {
      var scene = show(id);
      if (!scene) return;
      // Focus moves to the new scene: screen readers announce it by its heading.
      scene.focus();
      scene.scrollIntoView({ block: "start" });
    }

    story.classList.add("pav-story--enhanced");
    show(start);

    story.addEventListener("click", function (event) {
      var choice = event.target.closest("a.pav-choice");
      if (!choice || !story.contains(choice)) return;
      event.preventDefault(); // no "#scene" added to the history
      go(choice.getAttribute("href").slice(1));
    });

    Array.prototype.forEach.call(story.querySelectorAll(".pav-scene--ending"), function (ending) {
      var restart = document.createElement("button");
      restart.type = "button";
      restart.className = "pav-button pav-story__restart";
      restart.textContent = story.getAttribute("data-restart");
      restart.addEventListener("click", function () { go(start); });
      ending.appendChild(restart);
    });
  });
})();
