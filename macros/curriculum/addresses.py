"""Every address on the site, in one place.

An address is a page's source path relative to the docs root, as MkDocs names files; the plugin
mounts modules/ there, so a lesson's address is also where its file sits under the project root.
Each builder turns addresses into its own URLs.

    modules/<module>/index.md          a module's overview (module.yml, plus its optional index.md)
    modules/<module>/<lesson>.md       a lesson
    modules/<module>/capstone.md       the module's capstone activity
    modules/<module>/workbook.md       the learner workbook        } written from the curriculum
    modules/<module>/facilitator.md    the facilitator guide       } (render/workshop.py)
    modules/<module>/manager.md        the manager's coaching guide } (render/manager_guide.py)
    modules/<module>/action-plan.md    the learner's action plan   } (render/action_plan.py)
    modules/<module>/scenarios/<id>.md a practice conversation     } from scenarios/<id>.yml
    schedule.md                        the workshop schedule       } unless docs/ has its own
    practice.md                        spaced practice of the checks } (render/practice.py)
    glossary.md                        the glossary (the glossary() macro links terms to it)
    blog/posts/<slug>.md               an article (Material's blog publishes it at blog/<slug>/)
    downloads/<module>-<kind>.pdf      a printed workbook or guide, when `make pdf` has made it

The built site has each page at page_file(address): modules/<module>/<lesson>/index.html, or
modules/<module>/<lesson>.html when built without directory URLs (the SCORM package).
"""

from __future__ import annotations

from enum import StrEnum

MODULES = "modules"  # where the modules folder is mounted in the docs tree
ARTICLES = "blog/posts"
DOWNLOADS = "downloads"
CAPSTONE_SLUG = "capstone"
SCHEDULE_PAGE = "schedule.md"
PRACTICE_PAGE = "practice.md"
GLOSSARY_PAGE = "glossary.md"
INDEX = "index.md"


class Generated(StrEnum):
    """The pages the site writes from the curriculum; a module's are named after their kind."""

    WORKBOOK = "workbook"
    FACILITATOR_GUIDE = "facilitator"
    MANAGER_GUIDE = "manager"
    ACTION_PLAN = "action-plan"
    SCHEDULE = "schedule"
    PRACTICE = "practice"


# Generated in every module's folder: the handouts are printed to PDF too (`make pdf`).
MODULE_HANDOUTS = (Generated.WORKBOOK, Generated.FACILITATOR_GUIDE, Generated.MANAGER_GUIDE)
MODULE_GENERATED = (*MODULE_HANDOUTS, Generated.ACTION_PLAN)


def module_page(module_id: str) -> str:
    return f"{MODULES}/{module_id}/{INDEX}"


def lesson_page(module_id: str, slug: str) -> str:
    return f"{MODULES}/{module_id}/{slug}.md"


def capstone_page(module_id: str) -> str:
    return lesson_page(module_id, CAPSTONE_SLUG)


def scenario_page(module_id: str, scenario_id: str) -> str:
    """A scenario's page, written from modules/<module>/scenarios/<id>.yml."""
    return f"{MODULES}/{module_id}/scenarios/{scenario_id}.md"


def handout_page(module_id: str, kind: Generated) -> str:
    """A module's workbook, facilitator guide, manager's guide or action plan."""
    return f"{MODULES}/{module_id}/{kind.value}.md"


def workbook_page(module_id: str) -> str:
    return handout_page(module_id, Generated.WORKBOOK)


def facilitator_page(module_id: str) -> str:
    return handout_page(module_id, Generated.FACILITATOR_GUIDE)


def manager_page(module_id: str) -> str:
    return handout_page(module_id, Generated.MANAGER_GUIDE)


def action_plan_page(module_id: str) -> str:
    return handout_page(module_id, Generated.ACTION_PLAN)


def article_page(slug: str) -> str:
    return f"{ARTICLES}/{slug}.md"


def pdf_name(module_id: str, kind: Generated) -> str:
    """The printed handout's file name, in pdf/ and under downloads/."""
    return f"{module_id}-{kind.value}.pdf"


def pdf_download(module_id: str, kind: Generated) -> str:
    return f"{DOWNLOADS}/{pdf_name(module_id, kind)}"


def page_url(address: str) -> str:
    """The page's URL relative to the site root, with directory URLs: 'modules/m/lesson/'."""
    folder, _, name = address.rpartition("/")
    stem = name.removesuffix(".md")
    prefix = f"{folder}/" if folder else ""
    return prefix if stem == "index" else f"{prefix}{stem}/"


def page_file(address: str, directory_urls: bool = True) -> str:
    """The HTML file the page is built to, relative to the site folder."""
    if directory_urls:
        return page_url(address) + "index.html"
    return address.removesuffix(".md") + ".html"
