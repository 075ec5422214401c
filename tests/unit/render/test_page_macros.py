"""Each macro, called as an author would, on a small curriculum (no build)."""

from __future__ import annotations

import pytest

from macros.curriculum.load import load_curriculum
from macros.render.fragments import Fragments, minutes
from macros.render.page_macros import MACROS, PageContext
from macros.render.templating import MacroError
from tests.factory import Project


@pytest.fixture(scope="module")
def curriculum(tmp_path_factory):
    project = Project.small(tmp_path_factory.mktemp("course"), site=False)
    project.module("beta", order=2, prerequisites="[alpha]")
    post = (
        "---\ndate: {date}\nauthors: [ann]\ncategories: [News]\ntags: [testing]\n"
        "modules: [{module}]\ndescription: {title} <b>bold</b>\n---\n\n# {title}\n"
    )
    project.write("docs/blog/posts/on-testing.md", post.format(date="2026-05-01", module="alpha", title="On testing"))
    project.write("docs/blog/posts/elsewhere.md", post.format(date="2026-06-01", module="beta", title="Elsewhere"))
    project.write(
        "modules/glossary.yml",
        'terms:\n  churn:\n    term: churn\n    definition: Customers "leaving" *for good* & `<you>`.\n    see_also: [open-question]\n  '
        "open-question:\n    term: open question\n    definition: One that invites a story.\n",
    )
    return load_curriculum(project)


def call(curriculum, name, *args, page="index.md", **kwargs) -> str:
    ctx = PageContext(curriculum, page, lambda path: "/" + path, Fragments())
    return str(MACROS[name](ctx, *args, **kwargs))


def test_every_macro_has_a_docstring_with_an_example():
    for name, func in MACROS.items():
        assert func.__doc__ and f"{name}(" in func.__doc__, name


def test_catalogue_has_a_card_per_module_in_order(curriculum):
    html = call(curriculum, "catalogue")
    assert html.count('class="course-card"') == 2
    assert html.index("/modules/alpha/index.md") < html.index("/modules/beta/index.md")
    assert "<li>Introductory</li>" in html and "<li>40 min</li>" in html and "<li>2 lessons</li>" in html
    assert call(curriculum, "catalogue", tag="testing").count('class="course-card"') == 2
    with pytest.raises(MacroError, match="no module matches"):
        call(curriculum, "catalogue", level="advanced")


def test_module_overview_links_prerequisites_lessons_and_related_articles(curriculum):
    html = call(curriculum, "module_overview", "beta")
    assert '<a href="/modules/alpha/index.md">Alpha</a>' in html
    assert '<a href="/modules/beta/first.md">First lesson</a>' in html
    assert "Elsewhere" in html and "On testing" not in html  # beta is the module "Elsewhere" supports
    with pytest.raises(MacroError) as caught:
        call(curriculum, "module_overview", "betta")
    assert caught.value.hint == "did you mean 'beta'?"


def test_module_overview_defaults_to_the_current_module(curriculum):
    assert '<a href="/modules/alpha/first.md">First lesson</a>' in call(curriculum, "module_overview", page="modules/alpha/first.md")
    with pytest.raises(MacroError, match="not part of a module"):
        call(curriculum, "module_overview")


def test_objectives_key_takeaways_and_knowledge_check_of_a_lesson(curriculum):
    assert '<li id="objective-name-it">Name the thing.</li>' in call(curriculum, "objectives", "alpha/first")
    assert "<li>Things have names.</li>" in call(curriculum, "key_takeaways", page="modules/alpha/second.md")
    check = call(curriculum, "knowledge_check", "alpha/first")
    assert "<legend>What has a name?</legend>" in check and "<details" in check
    # The letters follow the order the site shows (option_order.py), not the order written.
    shown = [option.correct for option in curriculum.module("alpha").lessons[0].knowledge_check[0].options]
    right, wrong = "AB"[shown.index(True)], "AB"[shown.index(False)]
    assert f"<strong>{right} is right.</strong> Things have names." in check
    assert f"<strong>Not {wrong}:</strong> Everything has a name." in check
    with pytest.raises(MacroError) as caught:
        call(curriculum, "objectives", "alpha/frist")
    assert caught.value.hint == "did you mean 'alpha/first'?"


def test_related_and_latest_articles(curriculum):
    related = call(curriculum, "related_articles", "alpha")
    assert "On testing" in related and "Elsewhere" not in related
    latest = call(curriculum, "latest_articles", 1)
    assert "Elsewhere" in latest and "On testing" not in latest
    assert "&lt;b&gt;bold&lt;/b&gt;" in latest  # metadata is text, never markup
    with pytest.raises(MacroError, match="whole number"):
        call(curriculum, "latest_articles", 0)


def test_curriculum_stats(curriculum):
    html = call(curriculum, "curriculum_stats")
    assert "<strong>2</strong> modules" in html and "<strong>4</strong> lessons" in html and "<strong>1 h 20 min</strong>" in html


def test_minutes_reads_naturally():
    assert [minutes(m) for m in (5, 60, 95, 120)] == ["5 min", "1 h", "1 h 35 min", "2 h"]


def test_term_links_to_the_glossary_entry_with_its_definition(curriculum):
    link = call(curriculum, "term", "churn", page="modules/alpha/first.md")
    title = "Customers &#34;leaving&#34; for good &#38; &#60;you&#62;&#46;"  # the definition as plain text
    assert link == f'<a class="course-term" href="/glossary.md#churn" title="{title}">churn</a>'
    assert ">open questions</a>" in call(curriculum, "term", "open-question", "open questions")
    with pytest.raises(MacroError, match="unknown glossary term 'chrun' — did you mean 'churn'"):
        call(curriculum, "term", "chrun")
    with pytest.raises(MacroError, match="link text"):
        call(curriculum, "term", "churn", "")


def test_glossary_lists_terms_alphabetically_with_anchors_and_see_also(curriculum):
    html = call(curriculum, "glossary")
    assert html.index('id="churn"') < html.index('id="open-question"')
    assert ">Churn</dt>" in html and ">Open question</dt>" in html
    assert '<a href="#open-question">open question</a>' in html
