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
