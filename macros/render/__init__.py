"""The curriculum turned into HTML and Markdown, with no MkDocs: given a page's URL function, the same
code serves the MkDocs plugin, the macros authors call and the generated pages.

    fragments.py     HTML fragments from overrides/partials/course/ (autoescaped Jinja)
    inline_markdown.py   the few inline-Markdown fields, rendered once (no HTML, safe links only)
    fragment_ids.py  the ids those fragments write, and their table-of-contents titles
    page_macros.py   the macros authors call: catalogue(), knowledge_check(), term()...
    templating.py    page bodies rendered as templates, code kept literal, errors at the real line
    workshop.py, schedule.py   the workbook, the facilitator guide and the workshop schedule
    learning_path.py, jsonld.py, dates.py, anchors.py, tasklist.py   the smaller pieces
"""
