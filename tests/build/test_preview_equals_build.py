"""The live preview shows what a fresh build writes, whichever way it rebuilt (live_update.py).

A real `mkdocs serve` of a copy of this repository takes a sequence of edits, waiting after each
until the preview shows it: a lesson's text, a lesson's title and duration, a new lesson, and that
lesson removed again. The text and front-matter edits take the quick path (only the pages they
show on are rebuilt); adding and removing take the full rebuild. Then every page of a clean strict
build of the edited copy is fetched from the preview and compared, byte for byte, once the
preview's own reload script and the two sites' addresses are set aside.
"""

from __future__ import annotations

import difflib
import re

from tests.factory import Project
from tests.serving import Preview, within

LESSON_FILE = "modules/questioning-skills/listening-and-summarising.md"
LESSON = "modules/questioning-skills/listening-and-summarising/"
RENAMED_FILE = "modules/customer-service/positive-language.md"  # no article shows it: the quick path applies
RENAMED = "modules/customer-service/positive-language/"
QUICK = "Rebuilt the edited page"
NEW_SLUG = "a-lesson-added-in-the-preview"
WITHIN = 90  # seconds for a full rebuild of the repository on a busy test machine

_RELOAD_SCRIPT = re.compile(r"<script>\s*var livereload = .*?</script>\s*", re.S)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')


def normalised(page: str, base: str) -> str:
    """The page without the preview's reload script, its site address written BASE/."""
    return _RELOAD_SCRIPT.sub("", page).replace(base, "BASE/")


def test_the_preview_after_a_sequence_of_edits_equals_a_fresh_build(tmp_path):
    project = Project.copy_of_repo(tmp_path / "course")
    preview = Preview(project, tmp_path / "serve.log")
    try:
        preview.wait_until_serving()

        def shows(path: str, text: str) -> None:
            within(WITHIN, f"{path} shows {text!r}", lambda: text in preview.get(path)[1], preview.output)

        project.append(LESSON_FILE, "\nA sentence added while the preview runs.\n")
        shows(LESSON, "A sentence added while the preview runs.")
        assert preview.output().count(QUICK) == 1, f"a text edit should take the quick path:\n{preview.output()}"

        front_matter = project.read(RENAMED_FILE)
        title, duration = re.search(r"^title: .+$", front_matter, re.M), re.search(r"^duration: \d+$", front_matter, re.M)
        assert title and duration, f"{RENAMED_FILE} has no title or duration line"
        # A longer lesson: its facilitator's minute plan grows with it (course check holds the two equal).
        plan = list(re.finditer(r"^    - (\d+) min: .+$", front_matter, re.M))
        extra = 55 - int(duration.group(0).split()[1])
        assert plan and extra > 0, f"{RENAMED_FILE} has no minute plan, or is 55 minutes already"
        longer = front_matter[: plan[-1].end()] + f"\n    - {extra} min: questions from the group." + front_matter[plan[-1].end() :]
        project.write(
            RENAMED_FILE,
            longer.replace(title.group(0), 'title: "Say what you can do & <em>when</em>"').replace(duration.group(0), "duration: 55"),
        )
        shows(RENAMED, "Say what you can do &amp; &lt;em&gt;when&lt;/em&gt;")
        assert preview.output().count(QUICK) == 2, f"a title edit should take the quick path:\n{preview.output()}"

        copied = re.sub(r"^title: .+$", "title: A lesson added in the preview", project.read(LESSON_FILE), count=1, flags=re.M)
        project.lesson("questioning-skills", NEW_SLUG, copied)
        shows(f"modules/questioning-skills/{NEW_SLUG}/", "A lesson added in the preview")

        project.delete(f"modules/questioning-skills/{NEW_SLUG}.md")
        project.replace("modules/questioning-skills/module.yml", f"  - {NEW_SLUG}\n", "")
        within(
            WITHIN, "the removed lesson is gone", lambda: preview.get(f"modules/questioning-skills/{NEW_SLUG}/")[0] == 404, preview.output
        )

        # The preview's search is made again after each build, in the background (search_index.py).
        within(WITHIN, "the preview has a search index", lambda: preview.get("pagefind/pagefind-entry.json")[0] == 200, preview.output)

        built = project.build(tmp_path / "site")
        assert built.returncode == 0, built.stdout + built.stderr
        site = tmp_path / "site"
        canonical = _CANONICAL.search((site / "index.html").read_text(encoding="utf-8"))
        assert canonical, "the home page has no canonical address"
        differing = []
        pages = sorted(site.rglob("*.html"))
        for file in pages:
            address = file.relative_to(site).as_posix()
            status, served = preview.get(address.removesuffix("index.html"))
            fresh = normalised(file.read_text(encoding="utf-8"), canonical.group(1))
            shown = normalised(served, preview.base)
            if status != 200 or fresh != shown:
                diff = difflib.unified_diff(fresh.splitlines(), shown.splitlines(), "build", "preview", lineterm="", n=1)
                differing.append(f"{address} ({status}):\n" + "\n".join(list(diff)[:20]))
        assert len(pages) > 40, f"only {len(pages)} pages built"
        assert not differing, f"{len(differing)} of {len(pages)} pages differ from a fresh build:\n" + "\n\n".join(differing[:5])
    finally:
        preview.stop()
