"""Broken inputs of issue 12 (escaping): cases in the format of broken_inputs.py, run by test_broken_inputs.py.

None so far: a tag, an author's name, a page title or a brand.yml string full of <script>, quotes
and & is text, valid however it reads, so nothing here is refused; it is escaped wherever it is
printed. tests/build/test_values_are_text.py builds such values and reads them back. Values that
are not text (raw HTML in inline Markdown, javascript: URLs) are the schema's to refuse
(macros/curriculum/kinds.py).
"""

from __future__ import annotations

from tests.build.broken_inputs import Case

CASES: list[Case] = []
