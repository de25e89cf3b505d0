/* Workshop sheets and video library listings: filters by age, duration and theme over the cards. Without JavaScript the
 * grouped lists below the cards play that role. Nothing is stored. */
(function () {
  "use strict";
  var block = document.querySelector("[data-pav-sheets]");
  if (!block) return;
  var cards = Array.prototype.slice.call(block.querySelectorAll(".pav-card"));
  var form = document.createElement("form");
  form.className = "pav-filters";
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  function select(label, name, options) {
    var wrapper = document.createElement("label");
    wrapper.textContent = label + " ";
    var element = document.createElement("select");
    element.name = name;
    [["", block.getAttribute("data-all")]].concat(options).forEach(function (option) {
      var item = document.createElement("option");
      item.value = option[0];
      item.textContent = option[1];
      element.appendChild(item);
    });
    element.addEventListener("change", apply);
    wrapper.appendChild(element);
    form.appendChild(wrapper);
    return element;
  }

  function unique(values) {
    return values.filter(function (value, index) { return values.indexOf(value) === index; });
  }

  var ages = unique(cards.reduce(function (all, card) {
    for (var age = +card.dataset.ageMin; age <= +card.dataset.ageMax; age++) all.push(age);
    return all;
  }, [])).sort(function (a, b) { return a - b; });
  var themes = unique(cards.reduce(function (all, card) { return all.concat(card.dataset.themes.split(" ")); }, [])).sort();
  var age = select(block.getAttribute("data-label-age"), "age", ages.map(function (a) { return [String(a), String(a)]; }));
  // The video library reuses these filters, without the duration one.
  var duration = block.hasAttribute("data-no-duration") ? { value: "" } :
    select(block.getAttribute("data-label-duration"), "duration", [["60", "60 min"], ["90", "90 min"], ["120", "120 min"]]);
  var theme = select(block.getAttribute("data-label-theme"), "theme", themes.map(function (t) { return [t, t.replace(/-/g, " ")]; }));
  var empty = document.createElement("p");
  empty.textContent = block.getAttribute("data-none");
  empty.hidden = true;
  empty.setAttribute("role", "status");

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var visible = (!age.value || (+card.dataset.ageMin <= +age.value && +age.value <= +card.dataset.ageMax)) &&
        (!duration.value || +card.dataset.duration <= +duration.value) &&
        (!theme.value || card.dataset.themes.split(" ").indexOf(theme.value) >= 0);
      card.hidden = !visible;
      if (visible) shown++;
    });
    empty.hidden = shown > 0;
  }

  block.insertBefore(form, block.firstChild);
  block.appendChild(empty);
})();
