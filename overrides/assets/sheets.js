/* Workshop sheets and video library listings: filters by age, duration and theme over the cards. Without JavaScript the
 * grouped lists below the cards play that role. Every word shown comes from the page (its language): the labels in
 * data-label-*, the themes and duration bands of the grouped lists in data-theme-options and data-duration-options
 * (JSON lists of [id, label] and [shortest, longest, label]; a listing without duration bands has no duration filter).
 * Nothing is stored. */
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
  function passed(name) { return JSON.parse(block.getAttribute(name) || "[]"); }
  var age = select(block.getAttribute("data-label-age"), "age", ages.map(function (a) { return [String(a), String(a)]; }));
  // The same bands as the grouped lists; an option's value is its band's longest duration.
  var bands = passed("data-duration-options");
  var duration = bands.length ? select(block.getAttribute("data-label-duration"), "duration",
    bands.map(function (band) { return [String(band[1]), band[2]]; })) : { value: "" };
  var theme = select(block.getAttribute("data-label-theme"), "theme", passed("data-theme-options"));

  function inBand(minutes) {
    if (!duration.value) return true;
    var band = bands.filter(function (b) { return String(b[1]) === duration.value; })[0];
    return band[0] <= minutes && minutes <= band[1];
  }
  var empty = document.createElement("p");
  empty.textContent = block.getAttribute("data-none");
  empty.hidden = true;
  empty.setAttribute("role", "status");

  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var visible = (!age.value || (+card.dataset.ageMin <= +age.value && +age.value <= +card.dataset.ageMax)) &&
        inBand(+card.dataset.duration) &&
        (!theme.value || card.dataset.themes.split(" ").indexOf(theme.value) >= 0);
      card.hidden = !visible;
      if (visible) shown++;
    });
    empty.hidden = shown > 0;
  }

  block.insertBefore(form, block.firstChild);
  block.appendChild(empty);
})();
