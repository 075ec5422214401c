"""Python-Markdown alone: convert every .md under DOCS to HTML under OUT, with our extensions.

    python -m tests.bench.markdown_only DOCS OUT

The floor under any MkDocs build of the same files: no theme, no navigation, no plugins.
"""

from __future__ import annotations

import sys
from pathlib import Path

import markdown

from tests.bench.curricula import markdown_extensions


def main(docs: Path, out: Path) -> int:
    names, configs = [], {}
    for entry in markdown_extensions():
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        if config:
            configs[name] = config
    converter = markdown.Markdown(extensions=names, extension_configs=configs)
    count = 0
    for source in sorted(docs.rglob("*.md")):
        text = source.read_text(encoding="utf-8")
        if text.startswith("---\n"):  # front matter, as MkDocs strips it
            text = text.split("\n---\n", 1)[1]
        target = out / source.relative_to(docs).with_suffix(".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(converter.reset().convert(text), encoding="utf-8")
        count += 1
    print(f"converted {count} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
