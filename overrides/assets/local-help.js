/* Local help: adds a département filter above the grouped list. Without JavaScript the list and its
 * jump links do the same job. Nothing is stored: the choice is forgotten when the page is left. */
(function () {
  "use strict";
  var block = document.querySelector("[data-pav-local]");
  if (!block) return;
  var items = block.querySelectorAll("[data-departement]");
  var label = document.createElement("label");
  label.className = "pav-local__filter";
  label.textContent = block.getAttribute("data-filter-label") + " ";
  var select = document.createElement("select");
  var all = document.createElement("option");
  all.value = "";
  all.textContent = block.getAttribute("data-filter-all");
  select.appendChild(all);
  var codes = Array.prototype.map.call(items, function (item) { return item; })
    .sort(function (a, b) { return a.getAttribute("data-departement").localeCompare(b.getAttribute("data-departement")); });
  codes.forEach(function (item) {
    var option = document.createElement("option");
    option.value = item.getAttribute("data-departement");
    option.textContent = item.querySelector("strong").textContent;
    select.appendChild(option);
  });
  label.appendChild(select);
  block.insertBefore(label, block.firstChild);
  select.addEventListener("change", function () {
    var chosen = select.value;
    Array.prototype.forEach.call(items, function (item) {
      item.hidden = chosen !== "" && item.getAttribute("data-departement") !== chosen;
    });
    // A région with nothing left to show hides its heading too.
    Array.prototype.forEach.call(block.querySelectorAll("h3"), function (heading) {
      var list = heading.nextElementSibling;
      var visible = list.querySelectorAll("[data-departement]:not([hidden])").length;
      heading.hidden = list.hidden = visible === 0;
    });
  });
})();
