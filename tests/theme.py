"""Every part of Material for MkDocs' pages that the tests rely on: its CSS selectors, element ids and
the JSON it writes in each page.

This is the checklist for a change of engine (Material's end of life, Zensical, ProperDocs…): each
name below must find its equivalent in the new theme's pages, and nothing else in tests/ names a
Material element. The site's own classes (``.pav-…``) are not listed here: they come from this
project's templates and assets and stay the same whatever the engine.
"""

# Header buttons: Material draws them as <label> elements toggling a hidden checkbox.
MENU_BUTTON = "label.md-header__button[for='__drawer']"
MENU_TOGGLE = "#__drawer"  # the checkbox: checked while the menu (drawer) is open
SEARCH_BUTTON = "label.md-header__button[for='__search']"
SEARCH_TOGGLE = "#__search"  # the checkbox: checked while the search dialog is open

# Search dialog.
SEARCH_INPUT = ".md-search__input"
# Status line of the search results: « initialising » while the worker builds the index, then the
# placeholder, « no result » or « n results » (texts given in CONFIG's "translations", per language).
SEARCH_META = ".md-search-result__meta"
SEARCH_LIST = ".md-search-result__list"
SEARCH_RESULT = ".md-search-result__item"
SEARCH_RESULT_LINK = ".md-search-result__item > a"

# Language switcher (extra.alternate, filled in per page by mkdocs-static-i18n).
LANGUAGE_BUTTON = ".md-select button"
LANGUAGE_LINK = ".md-select__link"  # one <a href hreflang> per language

# Page structure.
SKIP_LINK = ".md-skip"  # « Skip to content », the first tab stop
HEADER = ".md-header"
CONTAINER = ".md-container"  # everything below the header: hidden by the quick exit
CONTENT = ".md-content"
PRIMARY_SIDEBAR = ".md-sidebar--primary"
FOOTER = ".md-footer"

# Material's settings for its JavaScript, as JSON in every page: "base" (the search index's folder,
# relative to the page), "search" (the worker's script), "translations" (texts the scripts write).
CONFIG = "script#__config"
CONFIG_TRANSLATIONS = ("search.result.placeholder", "search.result.none", "search.result.one", "search.result.other")
