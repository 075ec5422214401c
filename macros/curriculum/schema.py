"""The metadata schema: the one source for validation, the author guide and new-file templates.

Each schema is JSON Schema (draft 2020-12), checked with `jsonschema`. Every property carries a
`description` (shown in the author guide) and `examples` (used in "how to fix it" hints), so an
error can say `write duration: 25` rather than quote the schema.

schema_check.py validates a file's data against them and says each error as a `Problem` at the
field's real line, with a fix.
"""

from __future__ import annotations

# The building blocks live in schema_fields.py, so each kind of file can have a schema module of its own.
from macros.curriculum.schema_fields import SLUG
from macros.curriculum.schema_fields import ids as _ids
from macros.curriculum.schema_fields import markdown as _markdown
from macros.curriculum.schema_fields import module_objectives as _module_objectives
from macros.curriculum.schema_fields import objectives as _objectives
from macros.curriculum.schema_fields import sources as _sources
from macros.curriculum.schema_fields import text as _text
from macros.curriculum.schema_fields import url as _url
from macros.curriculum.schema_fields import words as _words
from macros.curriculum.schema_scenario import SCENARIO

LEVELS = ("introductory", "intermediate", "advanced")


# Every Markdown file may switch macros off (a page about macros, say).
MATERIALS = _words(
    "What the facilitator prepares for a workshop session (shown in the facilitator guide only).",
    ["Printed customer scenarios, one per pair", "Flip chart and pens"],
)
CLOCK = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

RENDER_MACROS = {"type": "boolean", "description": "false leaves {{ }} in the body as written.", "examples": [False]}

MODULE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "module.yml",
    "description": "A module's metadata, in modules/<slug>/module.yml.",
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "title", "summary", "audience", "level", "order", "objectives", "tags", "authors", "version", "reviewed", "lessons"],
    "properties": {
        "id": {
            "type": "string",
            "pattern": SLUG,
            "description": "The module's id: the same as its folder name (lowercase words joined by hyphens).",
            "examples": ["questioning-skills"],
        },
        "title": _text("The module's title, as learners see it.", "Questioning skills", 120),
        "summary": _text(
            "One or two sentences for the catalogue card and search results.",
            "Ask questions that find the real need, and answer in the customer's interest.",
        ),
        "audience": {**_words("Who the module is for.", ["Frontline service staff", "Team leads"]), "minItems": 1},
        "level": {
            "enum": list(LEVELS),
            "description": "How much the module assumes: " + ", ".join(LEVELS) + ".",
            "examples": ["introductory"],
        },
        "order": {
            "type": "integer",
            "minimum": 0,
            "description": "Position in the catalogue and navigation (smallest first).",
            "examples": [1],
        },
        "objectives": _module_objectives(
            "What learners can do after the module, by id: each a block with its `text`, what a manager would see or hear at "
            "work when it is met (`on_the_job`) and, optionally, what to watch and what not to make a target (`measures`). "
            "`course check` asks for 2 to 4 behaviours at work for each.",
            {"diagnose": {"text": "Ask questions that uncover the need behind a request.", "on_the_job": ["...", "..."]}},
        ),
        "prerequisites": _ids("Ids of modules to take first.", ["customer-service"]),
        "tags": _words("Topics, for search and the tag index.", ["questioning", "listening"]),
        "authors": {**_ids("Ids of authors from docs/blog/.authors.yml.", ["amara-osei"]), "minItems": 1},
        "version": {
            "type": "string",
            "pattern": r"^\d+(\.\d+){0,2}$",
            "description": "The content's version, in quotes.",
            "examples": ["1.0"],
        },
        "reviewed": {
            "type": "string",
            "format": "date",
            "description": "When the content was last reviewed (YYYY-MM-DD).",
            "examples": ["2026-11-20"],
        },
        "lessons": {
            **_ids(
                "The lessons in order: file names in the module's folder, without .md.", ["why-questions-matter", "open-closed-and-probing"]
            ),
            "minItems": 1,
        },
        "mastery_score": {
            "type": "integer",
            "minimum": 0,
            "maximum": 100,
            "description": "For the SCORM export to an LMS: the score out of 100 that passes the module, where the score is the share "
            "of its knowledge-check questions answered right at the first try. Default 80.",
            "examples": [80],
        },
        "scenarios_in_score": {
            "type": "boolean",
            "description": "true counts each practice conversation (scenarios/) in the module's SCORM score: a good ending passes it. "
            "Default false.",
            "examples": [True],
        },
        "workshop": {
            "type": "object",
            "additionalProperties": False,
            "description": "How the module runs as a facilitated workshop: the facilitator guide's clock starts at `start` "
            "(default: the site's schedule) and restarts on a new day after each lesson in `new_day_after`; `materials` are needed "
            "for the whole session.",
            "examples": [{"start": "09:30", "new_day_after": ["open-closed-and-probing"], "materials": ["Name cards"]}],
            "properties": {
                "start": {
                    "type": "string",
                    "pattern": CLOCK,
                    "description": "When the first session starts, 24-hour HH:MM in quotes.",
                    "examples": ["09:30"],
                },
                "new_day_after": _ids(
                    "Lessons after which the workshop stops for the day (the next starts at `start`).", ["open-closed-and-probing"]
                ),
                "materials": MATERIALS,
            },
        },
    },
}

OPTION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["answer", "why"],
    "properties": {
        "answer": _text("The option as the learner reads it.", "What happened when you tried to pay?"),
        "correct": {"type": "boolean", "description": "true for the one right option.", "examples": [True]},
        "why": _markdown(
            "Why this option is right or wrong: the feedback the learner sees (inline Markdown).",
            "It invites the customer to tell the story in their own words.",
            1000,
        ),
    },
}

QUESTION = {
    "type": "object",
    "additionalProperties": False,
    "required": ["question", "options"],
    "properties": {
        "question": _text("The question.", "Which reply is a probing question?", 600),
        "assesses": _ids("Ids of the lesson objectives this question checks.", ["tell-apart"]),
        "options": {
            "type": "array",
            "minItems": 2,
            "maxItems": 6,
            "items": OPTION,
            "description": "Two to six options, exactly one with correct: true, in any order: the site decides the order "
            "learners see (the same on the page, in the workbook, the PDFs and the LMS), spreading the correct answer's place.",
            "examples": [[{"answer": "...", "correct": True, "why": "..."}]],
        },
        "shuffle": {
            "type": "boolean",
            "description": "false keeps the options in the order written, for options with a natural order (a scale, "
            "steps in sequence); the site orders all others itself. Defaults to true.",
            "examples": [False],
        },
    },
}

EXERCISE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "minutes"],
    "properties": {
        "title": _text('The exercise\'s title, exactly as in its `!!! exercise "..."` block.', "Rewrite the interrogation", 120),
        "assesses": _ids("Ids of the lesson objectives the exercise practises.", ["choose"]),
        "minutes": {
            "type": "integer",
            "minimum": 1,
            "maximum": 240,
            "description": "Minutes the exercise takes within the lesson, as its text says ('Allow 20 minutes'); work carried on "
            "afterwards at work is not counted. The lesson's `duration` and its facilitator notes' minute plan must leave it "
            "that long (course check).",
            "examples": [20],
        },
    },
}

LESSON = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "lesson front matter",
    "description": "The front matter of a lesson, modules/<module>/<lesson>.md.",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "duration", "objectives", "key_takeaways", "tags"],
    "properties": {
        "title": _text("The lesson's title.", "Open, closed and probing questions", 120),
        "duration": {
            "type": "integer",
            "minimum": 1,
            "maximum": 480,
            "description": "Minutes a learner needs, exercises included (a whole number): at least the reading time of the text "
            "and the knowledge check plus the exercises' `minutes`, and the total of the facilitator notes' minute plan.",
            "examples": [25],
        },
        "objectives": _objectives(
            "What the learner can do after the lesson: an id for each, then a measurable statement.",
            {"tell-apart": "Tell open, closed and probing questions apart."},
        ),
        "key_takeaways": {
            "type": "array",
            "minItems": 1,
            "items": _markdown("A takeaway.", "Open questions let the customer tell the story."),
            "description": "Short sentences shown at the end of the lesson (inline Markdown).",
            "examples": [["Open questions let the customer tell the story."]],
        },
        "tags": _words("Topics, for search and the tag index.", ["questioning"]),
        "serves": _ids("Ids of the module objectives this lesson serves.", ["diagnose"]),
        "exercises": {
            "type": "array",
            "items": EXERCISE,
            "description": "The exercises in the lesson's body and what they practise.",
            "examples": [[{"title": "Rewrite the interrogation", "assesses": ["choose"], "minutes": 20}]],
        },
        "knowledge_check": {
            "type": "array",
            "items": QUESTION,
            "description": "Questions shown after the lesson: each has a question, the objectives it assesses and two to six options; "
            "each option has an answer and a why (the feedback), and exactly one has correct: true.",
            "examples": [[{"question": "...", "options": []}]],
        },
        "description": _text(
            "A one-line description for search engines (defaults to the first objective).", "Tell open, closed and probing questions apart."
        ),
        "materials": MATERIALS,
        "sources": _sources(),
        "render_macros": RENDER_MACROS,
    },
}

CAPSTONE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "capstone front matter",
    "description": "The front matter of a module's capstone activity, modules/<module>/capstone.md.",
    "type": "object",
    "additionalProperties": False,
    "required": ["title", "duration", "serves"],
    "properties": {
        "title": _text("The capstone's title.", "Capstone: find the need behind the call", 120),
        "duration": {
            "type": "integer",
            "minimum": 1,
            "maximum": 480,
            "description": "Minutes the activity takes (a whole number).",
            "examples": [45],
        },
        "serves": {**_ids("Ids of the module objectives the activity practises.", ["diagnose", "confirm"]), "minItems": 1},
        "draws_on": _ids(
            "The lessons it brings together (file names without .md); all of them when left out.",
            ["why-questions-matter", "things-and-people"],
        ),
        "description": _text("A one-line description for search engines.", "Put every questioning skill to work in one conversation."),
        "materials": MATERIALS,
        "sources": _sources(),
        "render_macros": RENDER_MACROS,
    },
}

TERM = {
    "type": "object",
    "additionalProperties": False,
    "required": ["term", "definition"],
    "properties": {
        "term": _text("The term as it reads in a sentence (lowercase unless it is a name).", "first-contact resolution", 80),
        "definition": _markdown(
            "One to three plain sentences (inline Markdown).", "Solving the customer's problem in their first contact.", 600
        ),
        "see_also": _ids("Ids of related terms.", ["average-handling-time"]),
    },
}

GLOSSARY = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "glossary.yml",
    "description": "The glossary, modules/glossary.yml: terms by id.",
    "type": "object",
    "additionalProperties": False,
    "required": ["terms"],
    "properties": {
        "terms": {
            "type": "object",
            "propertyNames": {"pattern": SLUG},
            "additionalProperties": TERM,
            "description": 'One entry per term, keyed by its id (used in term("id")).',
            "examples": [{"churn": {"term": "churn", "definition": "The share of customers who leave."}}],
        },
    },
}

# Material's own post fields are allowed; anything else is a typo.
ARTICLE = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "article front matter",
    "description": "The front matter of an article, docs/blog/posts/<slug>.md.",
    "type": "object",
    "additionalProperties": False,
    "required": ["date", "authors", "categories", "tags", "description"],
    "properties": {
        "date": {
            "anyOf": [
                {"type": "string", "format": "date"},
                {
                    "type": "object",
                    "properties": {"created": {"type": "string", "format": "date"}, "updated": {"type": "string", "format": "date"}},
                    "required": ["created"],
                    "additionalProperties": False,
                },
            ],
            "description": "Publication date (YYYY-MM-DD). A future date keeps the article out of the site until then.",
            "examples": ["2026-10-06"],
        },
        "title": _text("The title, when the body does not start with '# Title'.", "Why training does not stick", 150),
        "authors": {**_ids("Ids of authors from docs/blog/.authors.yml.", ["daniel-reyes"]), "minItems": 1},
        "categories": {**_words("One or more categories.", ["Training design"]), "minItems": 1},
        "tags": _words("Topics, for the tag index.", ["questioning"]),
        "description": _text(
            "One sentence for search engines, feeds and link previews.",
            "Why most service training fades within weeks, and what to do about it.",
        ),
        "modules": _ids("Ids of the modules the article supports; each lists the article as related reading.", ["questioning-skills"]),
        "slug": {"type": "string", "pattern": SLUG, "description": "Not used: the address comes from the file name.", "examples": ["my-a"]},
        "draft": {
            "type": "boolean",
            "description": "true keeps the article out of the built site (it shows in the preview).",
            "examples": [True],
        },
        "pin": {"type": "boolean", "description": "true keeps the article at the top of the blog index.", "examples": [True]},
        "readtime": {
            "type": "integer",
            "minimum": 1,
            "description": "Reading time in minutes, when the computed one is wrong.",
            "examples": [6],
        },
        "links": {
            "type": "array",
            "description": "Related links shown with the post (Material's `links`).",
            "examples": [["modules/questioning-skills/index.md"]],
        },
        "sources": _sources(),
        "render_macros": RENDER_MACROS,
    },
}

SCHEMAS = {"module": MODULE, "lesson": LESSON, "capstone": CAPSTONE, "article": ARTICLE, "glossary": GLOSSARY, "scenario": SCENARIO}

# docs/blog/.authors.yml, as Material's blog reads it (it refuses a missing field, and warns on an
# unknown one, which fails a strict build). Not in SCHEMAS: the author guide does not document it.
AUTHOR = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name", "description", "avatar"],
    "properties": {
        "name": _text("The author's name, as readers see it.", "Amara Osei", 120),
        "description": _text("A few words on who they are.", "Lead instructional designer"),
        "avatar": _url("A picture: a path in docs/ or a URL.", "assets/authors/amara-osei.svg"),
        "slug": {"type": "string", "pattern": SLUG, "description": "The address of the author's page.", "examples": ["amara-osei"]},
        "url": _url("A link for the author's name.", "https://example.org/amara"),
    },
}
AUTHORS = {
    "type": "object",
    "additionalProperties": False,
    "required": ["authors"],
    "properties": {
        "authors": {
            "type": "object",
            "propertyNames": {"pattern": SLUG},
            "additionalProperties": AUTHOR,
            "description": "Authors by id.",
            "examples": [],
        }
    },
}
