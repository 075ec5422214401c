"""The schema of a practice conversation, modules/<module>/scenarios/<id>.yml (the file name is its
id): who the customer and the agent are, the moments of the conversation (nodes) with two to four
replies each, and how it can end. Registered in schema.py's SCHEMAS with the others.

Every value is text: a scenario is shown on its page, printed on role-play cards and sent to the
LMS, never run as a template. The rules between its parts (where a reply leads, which objectives
it names) are scenario_graph.py's.
"""

from __future__ import annotations

from macros.curriculum.model import Outcome
from macros.curriculum.schema_fields import SLUG, ids, text

# A block's example is {}: the author guide's worked example shows it whole.

CHOICE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["say", "reaction", "feedback", "next"],
    "properties": {
        "say": text("What the learner says.", "Of course. Before I do, may I ask what has led to it?", 400),
        "reaction": text("How the customer reacts.", "She pauses. 'The internet keeps cutting out in the evenings.'", 600),
        "feedback": text("Why the reply helps or hurts.", "An open question before acting lets the real need come out.", 1000),
        "next": {
            "type": "string",
            "pattern": SLUG,
            "description": "Where the conversation goes next: the id of a node or of an ending.",
            "examples": ["the-real-problem"],
        },
        "shows": ids("Ids of the module objectives this reply demonstrates.", ["needs"]),
        "misses": ids("Ids of the module objectives this reply misses.", ["positive-language"]),
    },
}

NODE = {
    "type": "object",
    "additionalProperties": False,
    "required": ["customer", "choices"],
    "properties": {
        "customer": text("What the customer says at this moment.", "I'd like to cancel my contract, please. Today.", 600),
        "context": text("Tone, and what is on the agent's screen.", "Tone: tired, polite, firm.", 600),
        "choices": {
            "type": "array",
            "minItems": 2,
            "maxItems": 4,
            "items": CHOICE,
            "description": "Two to four replies the learner can choose from.",
            "examples": [{}],
        },
    },
}

ENDING = {
    "type": "object",
    "additionalProperties": False,
    "required": ["outcome", "title", "debrief"],
    "properties": {
        "outcome": {
            "enum": [outcome.value for outcome in Outcome],
            "description": "How the conversation ended: " + ", ".join(outcome.value for outcome in Outcome) + ".",
            "examples": ["good"],
        },
        "title": text("The ending in a few words.", "She keeps the contract, with an engineer booked", 120),
        "debrief": text("What the learner did, and what to take from it.", "You found the real need before offering a solution.", 2000),
    },
}

REQUIRED = ("title", "summary", "practises", "customer", "agent", "start", "nodes", "endings")

SCENARIO = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "scenario",
    "description": "A practice conversation, modules/<module>/scenarios/<id>.yml; the file name is its id.",
    "type": "object",
    "additionalProperties": False,
    "required": list(REQUIRED),
    "properties": {
        "title": text("The scenario's title.", "The caller who asks to cancel", 120),
        "summary": text("One or two sentences: the situation, for the module overview.", "A customer rings to cancel her broadband."),
        "practises": {
            **ids("Ids of the module objectives (module.yml) the conversation practises.", ["needs", "positive-language"]),
            "minItems": 1,
        },
        "lesson": {
            "type": "string",
            "pattern": SLUG,
            "description": "The lesson it goes with (its file name without .md): that lesson links to it.",
            "examples": ["understanding-needs"],
        },
        "customer": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "who", "wants", "not_said_yet"],
            "description": "The customer's brief for the role-play card: `name`; `who` they are; `wants`, what they ask for "
            "first; `not_said_yet`, what they have not said yet.",
            "examples": [{}],
            "properties": {
                "name": text("The customer's name.", "Aylin Demir", 80),
                "who": text("Who they are, and where they are calling from.", "A retired teacher, a customer for nine years.", 400),
                "wants": text("What they ask for first.", "To cancel her contract today."),
                "not_said_yet": text("What they have not said yet (the role-play card only).", "The evening drop-outs.", 1000),
            },
        },
        "agent": {
            "type": "object",
            "additionalProperties": False,
            "required": ["role", "knows"],
            "description": "The agent's brief for the role-play card: `role`, their job; `knows`, what they know from the screen.",
            "examples": [{}],
            "properties": {
                "role": text("The agent's job.", "Broadband helpline adviser", 120),
                "knows": text("What the agent knows.", "Her account shows three evening drop-outs this month.", 1500),
            },
        },
        "start": {
            "type": "string",
            "pattern": SLUG,
            "description": "The id of the node the conversation starts at.",
            "examples": ["opening"],
        },
        "nodes": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": SLUG},
            "additionalProperties": NODE,
            "description": "The moments of the conversation by id: each has the `customer`'s line, an optional `context`, and two to "
            "four `choices`; each choice has what the learner will `say`, the customer's `reaction`, `feedback`, the `next` node or "
            "ending, and the objectives it `shows` or `misses`.",
            "examples": [{}],
        },
        "endings": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": SLUG},
            "additionalProperties": ENDING,
            "description": "How the conversation can end, by id (not the id of a node): each has an `outcome` (good, recoverable or "
            "poor), a `title` and a `debrief`. At least one is good.",
            "examples": [{}],
        },
    },
}
