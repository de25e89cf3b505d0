"""Build logic of the site, as plain functions that know nothing of MkDocs.

The MkDocs hooks in ``overrides/hooks/mkdocs_hooks.py`` only call these functions, so the logic
survives a change of engine (Material reaches end of life in May 2027).
"""
