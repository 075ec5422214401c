"""A practice conversation's page for learners (modules/<module>/scenarios/<id>/), from its `Scenario`.

    scenario_markdown(scenario, module, url) -> str        the page's Markdown: one block of HTML
    moments(scenario) -> (Moment, ...)                     its nodes in reading order, as the table shows them

The page goes through the normal build but is never templated (the site turns macros off for it),
and Python-Markdown passes a block of HTML through as it is. The HTML is written here, every value
through markupsafe (Markup.format escapes it for text and for a quoted attribute alike): its ids are
the scenario's own (moment-<node>, ending-<ending>), not fragment ids (fragment_ids.py).

Without JavaScript it reads as a branching table: each moment (node) a section with an id, the
customer's line and its context, and the learner's choices as links to the moment or ending they
lead to, with the customer's reaction and the feedback in a <details>; each ending a section with
its outcome and debrief. docs/assets/javascripts/scenario.js reads the same markup (data-* and
data-text) and plays it one moment at a time.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from macros.curriculum.kinds import InlineMarkdown
from macros.curriculum.model import Module, Outcome, Scenario, ScenarioChoice, ScenarioEnding, ScenarioNode
from macros.render.inline_markdown import to_html

Url = Callable[[str], str]  # a docs-relative source path -> URL relative to the page

# What each outcome is called on the page: a symbol (hidden from screen readers) and words, so the
# outcome is never told by colour or symbol alone.
OUTCOMES = {
    Outcome.GOOD: ("✓", "Good ending"),
    Outcome.RECOVERABLE: ("↺", "Recoverable ending"),
    Outcome.POOR: ("✗", "Poor ending"),
}


@dataclass(frozen=True)
class Link:
    """A choice as the table shows it: a link to where it leads."""

    number: int  # from 1, in the order written (the SCORM record and the map number them so)
    choice: ScenarioChoice
    href: str  # "#moment-<node>" or "#ending-<ending>"
    leads_to: str  # "moment 3", "an ending"


@dataclass(frozen=True)
class Moment:
    number: int  # from 1, in reading order
    node: ScenarioNode
    anchor: str
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Ending:
    ending: ScenarioEnding
    anchor: str
    symbol: str
    outcome: str  # "Good ending"


def node_anchor(node_id: str) -> str:
    return f"moment-{node_id}"


def ending_anchor(ending_id: str) -> str:
    return f"ending-{ending_id}"


def reading_order(scenario: Scenario) -> list[ScenarioNode]:
    """The nodes breadth first from `start`, so the table reads in the order a conversation can
    reach them; any the start cannot reach (validation refuses those) after, as written."""
    order: list[str] = []
    queue = deque([scenario.start])
    while queue:
        node = scenario.node(queue.popleft())
        if node is None or node.id in order:
            continue
        order.append(node.id)
        queue.extend(choice.next for choice in node.choices)
    order += [node.id for node in scenario.nodes if node.id not in order]
    by_id = {node.id: node for node in scenario.nodes}
    return [by_id[node_id] for node_id in order]


def moments(scenario: Scenario) -> tuple[Moment, ...]:
    nodes = reading_order(scenario)
    numbers = {node.id: number for number, node in enumerate(nodes, 1)}

    def link(number: int, choice: ScenarioChoice) -> Link:
        if choice.next in numbers:
            return Link(number, choice, "#" + node_anchor(choice.next), f"moment {numbers[choice.next]}")
        return Link(number, choice, "#" + ending_anchor(choice.next), "an ending")

    return tuple(
        Moment(numbers[node.id], node, node_anchor(node.id), tuple(link(n, choice) for n, choice in enumerate(node.choices, 1)))
        for node in nodes
    )


def endings(scenario: Scenario) -> tuple[Ending, ...]:
    return tuple(Ending(ending, ending_anchor(ending.id), *OUTCOMES[ending.outcome]) for ending in scenario.endings)


def practised(scenario: Scenario, module: Module) -> dict[str, str]:
    """The objectives the scenario practises: id -> its text in module.yml (the id, if none)."""
    texts = {objective.id: objective.text for objective in module.objectives}
    return {objective_id: texts.get(objective_id, objective_id) for objective_id in scenario.practises}


def scenario_markdown(scenario: Scenario, module: Module, url: Url) -> str:
    """The page: one block of HTML, which Python-Markdown leaves as it is."""
    found = moments(scenario)
    parts = [
        _tag(
            "section",
            {"class": "course-scenario", "data-scenario": scenario.id, "data-module": module.id, "data-start": scenario.start},
        ),
        *_brief(scenario, module, url),
        # Filled and shown by scenario.js, which hides the table.
        Markup('<div class="course-scenario__player" data-scenario-player data-search-exclude hidden></div>'),
        Markup('<div class="course-scenario__map" data-scenario-map>'),
        Markup("<h2>The conversation, moment by moment</h2>"),
        Markup(
            "<p>Start at moment 1. Each reply you could give links to the moment it leads to; open “What happens” "
            "under a reply to see how {} reacts, and why.</p>"
        ).format(scenario.customer.name),
        *(line for moment in found for line in _moment(moment, scenario)),
        *(line for ending in endings(scenario) for line in _ending(ending, found)),
        Markup("</div>"),
        Markup("</section>"),
    ]
    return "\n".join(parts) + "\n"


# -- the HTML: every value through Markup.format, which escapes it for text and attributes alike ---


def _tag(name: str, attributes: dict[str, str]) -> Markup:
    return Markup("<{}{}>").format(Markup(name), Markup("").join(Markup(' {}="{}"').format(Markup(k), v) for k, v in attributes.items()))


def _text(value: str) -> Markup:
    """A value as HTML: escaped text, or inline Markdown rendered where the schema declares it."""
    return to_html(value) if isinstance(value, InlineMarkdown) else escape(value)


def _brief(scenario: Scenario, module: Module, url: Url) -> list[Markup]:
    """Where the page sits, the situation, each side's brief (not what the customer has not said yet:
    that is for the role-play card) and the objectives it practises."""
    customer, agent = scenario.customer, scenario.agent
    fact = Markup("<div><dt>{}</dt><dd>{}</dd></div>")
    return [
        Markup(
            '<p class="course-meta"><span>Practice conversation</span><span class="course-meta__sep" aria-hidden="true">·</span>'
            '<a href="{}">{}</a></p>'
        ).format(url(module.path), module.title),
        Markup('<p class="course-summary">{}</p>').format(scenario.summary),
        Markup('<dl class="course-scenario__brief">'),
        fact.format("The customer", Markup('<span data-text="customer">{}</span>. {}').format(customer.name, customer.who)),
        fact.format("You", agent.role),
        fact.format("What you know", agent.knows),
        Markup("</dl>"),
        Markup('<div class="course-scenario__practises">'),
        Markup("<h2>What this conversation practises</h2>"),
        Markup("<ul>"),
        *(Markup('<li data-objective="{}">{}</li>').format(oid, _text(text)) for oid, text in practised(scenario, module).items()),
        Markup("</ul>"),
        Markup("</div>"),
    ]


def _moment(moment: Moment, scenario: Scenario) -> list[Markup]:
    node = moment.node
    parts = [
        _tag("section", {"class": "course-scenario__node", "id": moment.anchor, "data-node": node.id}),
        Markup("<h3>Moment {}</h3>").format(moment.number),
        Markup(
            '<p class="course-scenario__line"><span class="course-scenario__speaker">{}:</span> “<span data-text="line">{}</span>”</p>'
        ).format(scenario.customer.name, node.customer),
    ]
    if node.context:
        label = Markup('<span class="course-scenario__label">Context:</span>')
        parts.append(Markup('<p class="course-scenario__context">{} <span data-text="context">{}</span></p>').format(label, node.context))
    parts += [Markup('<p class="course-scenario__prompt">What do you say?</p>'), Markup('<ol class="course-scenario__choices">')]
    for link in moment.links:
        parts += _choice(link)
    parts += [Markup("</ol>"), Markup("</section>")]
    return parts


def _choice(link: Link) -> list[Markup]:
    """A reply: a link to where it leads, and what happens folded under it."""
    choice = link.choice
    attributes = {"data-choice": str(link.number), "data-next": choice.next, "data-shows": " ".join(choice.shows)}
    return [
        _tag("li", {"class": "course-scenario__choice", **attributes, "data-misses": " ".join(choice.misses)}),
        Markup('<a href="{}">“<span data-text="say">{}</span>”</a> <span class="course-scenario__leads">(leads to {})</span>').format(
            link.href, choice.say, link.leads_to
        ),
        Markup('<details class="course-scenario__what-happens">'),
        Markup("<summary>What happens</summary>"),
        Markup('<p data-text="reaction">{}</p>').format(choice.reaction),
        Markup(
            '<p class="course-scenario__feedback"><span class="course-scenario__label">Why:</span> <span data-text="feedback">{}</span></p>'
        ).format(choice.feedback),
        Markup("</details>"),
        Markup("</li>"),
    ]


def _ending(ending: Ending, found: tuple[Moment, ...]) -> list[Markup]:
    outcome = ending.ending.outcome.value
    attributes = {"id": ending.anchor, "data-ending": ending.ending.id, "data-outcome": outcome}
    parts = [
        _tag("section", {"class": f"course-scenario__ending course-scenario__ending--{outcome}", **attributes}),
        Markup(
            '<h3><span class="course-scenario__outcome"><span aria-hidden="true">{} </span><span data-text="outcome">{}</span></span>: '
            '<span data-text="title">{}</span></h3>'
        ).format(ending.symbol, ending.outcome, ending.ending.title),
        Markup('<p data-text="debrief">{}</p>').format(ending.ending.debrief),
    ]
    if found:
        parts.append(Markup('<p><a href="#{}">Start again at moment 1</a></p>').format(found[0].anchor))
    return [*parts, Markup("</section>")]
