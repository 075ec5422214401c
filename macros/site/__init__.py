"""The MkDocs side: the only code that imports MkDocs (a move to another builder replaces this).

plugin.py        the course plugin's hooks: wiring only
config.py        its typed options
pages.py         each page's kind, decided once per build
page_content.py  what goes around each kind of page (header, footer, overview)
page_context.py  what the theme's templates get about a page (its module or lesson, schema.org data)
escaping.py      values Material and the rss plugin print raw, handed to them escaped once
preview.py       the live preview: a problem page while the last build failed, quiet logs
macros_env.py    the mkdocs-macros hooks (macros/__init__.py loads them)
publish.py       the staged build: site/ is replaced only by a build that succeeded
history.py       "last update" from one git log
discovery.py     robots.txt
build.py         a build for a package (SCORM)
"""
