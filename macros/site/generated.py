"""The Markdown of the pages the site writes from the curriculum, with their title and description.

    generated_markdown(page, generated, curriculum, ctx, rules, body) -> str   (on_page_markdown)

Never templated as a whole: metadata in them is data, and each lesson's text is templated on its
own, as its author wrote it (`body`: macros_env.render_body). Titles and descriptions are escaped
here, once: the theme prints them as HTML.
"""

from __future__ import annotations

from markupsafe import escape

from macros.curriculum.addresses import Generated
from macros.curriculum.model import Curriculum
from macros.render.action_plan import action_plan_markdown
from macros.render.manager_guide import manager_markdown
from macros.render.page_macros import PageContext
from macros.render.practice import practice_markdown
from macros.render.schedule import DayRules
from macros.render.workshop import Body, facilitator_markdown, schedule_markdown, workbook_markdown
from macros.site.pages import GeneratedPage, ScenarioPage

SCHEDULE_DESCRIPTION = "The curriculum as a timed series of face-to-face workshops."
PRACTICE_DESCRIPTION = "Questions from the lessons you have finished, back at spaced intervals so that they stay with you."


def generated_markdown(page, generated: GeneratedPage, curriculum: Curriculum, ctx: PageContext, rules: DayRules, body: Body) -> str:
    page.meta["render_macros"] = False
    page.edit_url = None
    if isinstance(generated, ScenarioPage):  # a practice conversation: its own title and summary
        return generated.markdown(page, ctx.url)
    module = generated.module
    if module is None:  # a page of the whole curriculum
        if generated.kind is Generated.PRACTICE:
            title, description, markdown = "Practice", PRACTICE_DESCRIPTION, practice_markdown(curriculum, ctx.render, ctx.url)
        else:
            title, description, markdown = (
                "Workshop schedule",
                SCHEDULE_DESCRIPTION,
                schedule_markdown(curriculum, ctx.render, ctx.url, rules),
            )
    else:
        description = module.summary
        match generated.kind:
            case Generated.WORKBOOK:
                title, markdown = f"{module.title}: learner workbook", workbook_markdown(module, ctx.render, body)
            case Generated.MANAGER_GUIDE:
                title, markdown = f"{module.title}: manager's coaching guide", manager_markdown(module, ctx.render, ctx.url)
            case Generated.ACTION_PLAN:
                title, markdown = f"{module.title}: action plan", action_plan_markdown(module, ctx.render, ctx.url)
            case _:
                title, markdown = f"{module.title}: facilitator guide", facilitator_markdown(module, ctx.render, ctx.url, rules, body)
    page.meta["title"] = escape(title)
    page.meta["description"] = escape(description)
    return markdown
