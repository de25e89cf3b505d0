"""Style sheets that work in both writing directions and stay in one piece per concern."""

import re

import pytest

from site_map import ROOT

SHEETS = [ROOT / "overrides" / "assets" / "site.css", ROOT / "overrides" / "hooks" / "sitelib" / "templates" / "print.css",
          ROOT / "overrides" / "hooks" / "sitelib" / "templates" / "poster.css"]
# Physical properties and values that do not follow dir="rtl": logical ones do (inset-inline-start…).
PHYSICAL = re.compile(r"(?<![\w-])(left|right|margin-left|margin-right|padding-left|padding-right|border-left|border-right"
                      r"|border-(top|bottom)-(left|right)-radius)\s*:|text-align\s*:\s*(left|right)|float\s*:\s*(left|right)")


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda path: path.name)
def test_style_sheets_use_logical_properties_only(sheet):
    text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.DOTALL)
    found = [f"ligne {text[: match.start()].count(chr(10)) + 1} : {match.group(0)}" for match in PHYSICAL.finditer(text)]
    assert not found, f"{sheet.name} : propriétés physiques (utilisez inline-start/inline-end) : {found}"


def test_the_site_style_sheet_has_one_print_and_one_dark_section_and_colours_as_tokens():
    text = re.sub(r"/\*.*?\*/", "", SHEETS[0].read_text(encoding="utf-8"), flags=re.DOTALL)
    assert text.count("@media print") == 1 and text.count("prefers-color-scheme: dark") == 1
    raw = [(number, line.strip()) for number, line in enumerate(text.split("\n"), start=1)
           if re.search(r"#[0-9a-fA-F]{3,8}\b", line) and not line.strip().startswith("--")]
    assert not raw, f"couleurs écrites en dur hors des jetons (--pav-…, --md-…) : {raw[:5]}"
