// Search. The header's magnifier is a link to the search page (every page of the language, the
// lexicon A–Z): that is search without JavaScript. With it, the magnifier opens a dialog, and only
// then is Pagefind (its engine, its WebAssembly and this language's index) downloaded: a reader who
// never searches downloads nothing. Pagefind picks the index of the page's <html lang>, so results
// stay in the page's language. Nothing is written to storage or to the history.
(() => {
  "use strict";
  const opener = document.querySelector(".pav-search-open");
  const dialog = document.getElementById("pav-search");
  if (!opener || !dialog || typeof dialog.show !== "function") return;
  const input = dialog.querySelector("input");
  const status = dialog.querySelector("[role=status]");
  const list = dialog.querySelector(".pav-search__results");
  const bundle = new URL(opener.dataset.pavSearchBundle, location.href);
  const shown = 10; // results listed at once: enough on a phone screen, the rest by refining the query
  let engine = null;
  let asked = 0; // the number of the last query typed: older answers arriving late are dropped

  const load = () => {
    engine ??= import(bundle.href).then(async (pagefind) => {
      // The site's root, so that result links are right wherever the site is published.
      await pagefind.options({ baseUrl: new URL("../", bundle).pathname, excerptLength: 18 });
      await pagefind.init();
      return pagefind;
    });
    return engine;
  };

  // Pagefind's excerpt is HTML with the matched words in <mark>: only text and <mark> are kept.
  const excerpt = (html) => {
    const paragraph = document.createElement("p");
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    for (const node of parsed ? parsed.childNodes : []) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(node.textContent);
      }
    }
    return paragraph;
  };

  const show = (query, found, results) => {
    list.replaceChildren(...results.map((result) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = result.url;
      link.textContent = result.meta.title || result.url;
      item.append(link, excerpt(result.excerpt));
      return item;
    }));
    const text = found === 0 ? dialog.dataset.none : found === 1 ? dialog.dataset.one : dialog.dataset.many;
    status.textContent = text.replace("{count}", String(found));
    list.dataset.query = query; // the query these results answer (tests wait for it)
  };

  const search = async () => {
    const query = input.value.trim();
    const ticket = ++asked;
    if (!query) {
      list.replaceChildren();
      status.textContent = "";
      delete list.dataset.query;
      return;
    }
    status.textContent = dialog.dataset.loading;
    try {
      const pagefind = await load();
      const answer = await pagefind.debouncedSearch(query, {}, 250);
      if (answer === null || ticket !== asked) return; // a newer query replaced this one
      const results = await Promise.all(answer.results.slice(0, shown).map((result) => result.data()));
      if (ticket === asked) show(query, answer.results.length, results);
    } catch (error) {
      engine = null; // try again on the next key
      if (ticket === asked) status.textContent = dialog.dataset.failed;
    }
  };

  // Not modal: a modal dialog would cover the quick-exit bar and make it inert. The dialog is laid over
  // the page under that bar (site.css); Escape and its close button close it, focus goes back.
  const close = () => {
    if (!dialog.open) return;
    dialog.close();
    opener.focus();
  };
  opener.addEventListener("click", (event) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab: the page
    event.preventDefault();
    dialog.show();
    input.focus();
    load().catch(() => { engine = null; });
  });
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  dialog.querySelector(".pav-search__close").addEventListener("click", (event) => {
    event.preventDefault();
    close();
  });
  input.addEventListener("input", search);
  dialog.querySelector(".pav-search__form").addEventListener("submit", (event) => {
    event.preventDefault();
    search();
  });
  // A tap outside the dialog's box (on the shaded page around it) closes it, as outside a menu.
  document.addEventListener("click", (event) => {
    if (dialog.open && !dialog.contains(event.target) && !opener.contains(event.target)) close();
  });
})();
