"""What the course is, read from the files: no MkDocs, no Jinja, no click.

tree.py          each file read and parsed once per build or check, lines kept
source.py        YAML and front matter with the line of every value; plain-language YAML errors
project.py       where things are (Layout, read from mkdocs.yml) and the defaults
addresses.py     every page's address in the site
kinds.py         what a value is (text, inline Markdown, URL, page body): the one rule outputs follow
schema.py        the metadata schema: validation, the author guide's reference, templates
schema_fields.py, schema_scenario.py   its building blocks; a scenario's file
schema_check.py  a schema error said as file:line: field: what — fix
model.py         Curriculum, Module, Lesson, Capstone, Article, Term...
reader.py, load.py, load_module.py, load_scenario.py   the files into a validated Curriculum
scenario_graph.py  a scenario's shape: where its choices lead, what cannot be reached or ended
validate.py      checks across files: ids, prerequisites, coverage, authors
blocks.py        the one parser of Markdown blocks (exercises, facilitator notes, code fences)
brand.py         brand.yml: every value by kind, files that must exist, the authors' guide switch
colours.py       WCAG contrast of every colour pair the theme uses; dark-mode colours derived
problems.py      Problem: what every check reports
"""
