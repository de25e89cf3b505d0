/* True or false: adds two answer buttons to each statement. The answer itself stays a <details>
 * element, so everything is readable without JavaScript. No score is kept or stored. */
(function () {
  "use strict";
  var quiz = document.querySelector("[data-pav-quiz]");
  if (!quiz) return;
  Array.prototype.forEach.call(quiz.querySelectorAll(".pav-quiz__item"), function (item) {
    var details = item.querySelector("details");
    var feedback = document.createElement("p");
    feedback.className = "pav-quiz__feedback";
    feedback.setAttribute("aria-live", "polite");
    var buttons = document.createElement("p");
    buttons.className = "pav-quiz__buttons";
    [["true", quiz.getAttribute("data-true")], ["false", quiz.getAttribute("data-false")]].forEach(function (choice) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pav-button";
      button.textContent = choice[1];
      button.addEventListener("click", function () {
        var right = item.getAttribute("data-answer") === choice[0];
        feedback.textContent = quiz.getAttribute(right ? "data-right" : "data-wrong");
        details.open = true;
      });
      buttons.appendChild(button);
    });
    item.insertBefore(buttons, details);
    item.insertBefore(feedback, details);
  });
})();
