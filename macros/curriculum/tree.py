"""The project's files, each read and parsed at most once per build or check.

The loader, every check and the build's first step all ask one `SourceTree` for what they need,
so a lesson is read and its front matter parsed once, however many checks look at it.  A file
that cannot be read or parsed raises the same `SourceError` each time it is asked for.

    tree = SourceTree()
    tree.text(path)       # the file's text (UTF-8, byte-order mark kept)
    tree.markdown(path)   # MarkdownSource: front matter with lines, the body and where it starts
    tree.yaml(path)       # parsed YAML with lines (LineDict / LineList); treat it as read-only

The live preview hands each build's tree to the next (`SourceTree(after=last)`): every file is read
again, but one whose text has not changed is not parsed again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from macros.curriculum.source import MarkdownSource, SourceError, parse_yaml, read_text, split_front_matter


class SourceTree:
    def __init__(self, after: SourceTree | None = None) -> None:
        self._texts: dict[Path, str | SourceError] = {}
        self._parsed: dict[tuple[str, Path], Any] = {}
        self._last = after

    def text(self, path: Path) -> str:
        key = Path(path)
        if key not in self._texts:
            try:
                self._texts[key] = read_text(key)
            except SourceError as error:
                self._texts[key] = error
        return _value(self._texts[key])

    def markdown(self, path: Path) -> MarkdownSource:
        return self._parse("markdown", path, split_front_matter)

    def yaml(self, path: Path) -> Any:
        return self._parse("yaml", path, parse_yaml)

    def _parse(self, kind: str, path: Path, parse) -> Any:
        key = (kind, Path(path))
        if key not in self._parsed:
            try:
                text = self.text(path)
                self._parsed[key] = self._unchanged(key, text) or parse(text)
            except SourceError as error:
                self._parsed[key] = error
        return _value(self._parsed[key])

    def _unchanged(self, key: tuple[str, Path], text: str) -> Any:
        """What the last build parsed from this same text, if it did."""
        last = self._last
        if last is not None and last._texts.get(key[1]) == text and key in last._parsed:
            return last._parsed[key]
        return None

    @property
    def files_read(self) -> int:
        """How many files were read (the tests hold it to one read per file)."""
        return len(self._texts)


def _value(cached: Any) -> Any:
    if isinstance(cached, SourceError):
        raise cached
    return cached
