"""The `course` command for authors: new modules, lessons and articles from templates (scaffold.py,
templates.py, yaml_edit.py), check, list and stats (cli.py, console.py, stats.py), pdf and export."""
