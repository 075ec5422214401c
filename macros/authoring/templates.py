"""The files `course new` starts from: every field an author fills in, marked TODO, with the line
of the author guide that explains it.  `$name` values are filled in by scaffold.py."""

from __future__ import annotations

from string import Template

MODULE_TEMPLATE = Template("""\
# The module's metadata. Replace every placeholder that starts with TODO, then run: course check
# Each field is explained in the authors' guide ($guide, "Metadata reference").
id: $slug  # the same as the folder name
title: $title
summary: "TODO: one or two sentences for the catalogue card and search results"
audience: ["TODO: who the module is for, such as Frontline service staff"]
level: introductory  # introductory, intermediate or advanced
order: $order  # position in the catalogue and the navigation, smallest first
objectives:
  # What learners can do after the module: an id (lowercase words joined by hyphens), a colon,
  # then its fields. Each objective needs a lesson that serves it (serves: [id]).
  first-objective:
    text: "TODO: what learners can do after the module, as a measurable statement"
    on_the_job:
      # 2 to 4 behaviours: what a manager would see or hear at work when the objective is met.
      - "TODO: something a manager would see or hear the learner do at work"
      - "TODO: another thing a manager would see or hear at work"
    # measures:  # optional: what a manager watches, and what not to make a target, and why
    #   watch: ["a leading indicator, such as repeat contacts within seven days"]
    #   avoid: ["a number not to make a target, such as average handling time: it rewards short calls"]
prerequisites: []  # ids of modules to take first: $modules
tags: ["TODO: a topic, such as questioning"]
authors: [$author]  # ids from $authors_file: $authors
version: "0.1"
reviewed: $today  # when the content was last reviewed; update it at each review
lessons:
  # The lessons in order: their file names without .md. `course new lesson $slug SLUG` adds one.
  - $lesson
""")

LESSON_TEMPLATE = Template("""\
---
# A lesson. Replace every placeholder that starts with TODO, then run: course check
# Each field is explained in the authors' guide ($guide, "Lesson front matter").
# course check also holds it to the course's content rules (`rules:` under the course plugin
# in mkdocs.yml), such as the fewest words in the text below: it says so if the lesson is short.
title: $title
duration: 20  # minutes a learner needs, exercises included
serves: [$serves]  # ids of the module's objectives this lesson teaches: $objectives
objectives:
  # What the learner can do after the lesson: an id (lowercase words joined by hyphens), a colon,
  # then a measurable statement. Each needs a question or an exercise that assesses it.
  first-objective: "TODO: what the learner can do after this lesson, as a measurable statement"
key_takeaways:
  - "TODO: one short sentence the learner should remember"
tags: ["TODO: a topic, such as questioning"]
materials: ["TODO: what the facilitator prepares, such as Printed scenarios, one per pair"]
exercises:
  # Each title must match an `!!! exercise "..."` block in the text below.
  - title: "TODO: the exercise's title"
    assesses: [first-objective]
    minutes: 10  # the time it takes in the lesson, as the text below says ('Allow 10 minutes')
knowledge_check:
  # Two to six options per question, exactly one with correct: true; `why` is the feedback.
  - question: "TODO: a question that checks the objective"
    assesses: [first-objective]
    options:
      - answer: "TODO: the right answer"
        correct: true
        why: "TODO: why this answer is right"
      - answer: "TODO: a plausible wrong answer"
        why: "TODO: why this answer is wrong"
---

TODO: start with why this matters to the learner. The page shows the title, objectives and time
above this text, and the knowledge check and key takeaways after it: do not repeat them here.

!!! facilitator "Running this lesson"
    TODO: for whoever teaches this lesson in a workshop (only the facilitator guide shows it): a
    minute plan, one line each ('- 10 min: the exercise ...') adding up to the duration, an
    opening question, what to watch for.

## TODO: the first heading

TODO: teach with examples. Put worked examples in `!!! example "Scenario: ..."` blocks.

!!! exercise "TODO: the exercise's title"
    TODO: what the learner does, with whom, and for how long.

!!! facilitator "Debrief and answer key"
    TODO: what strong answers contain, common difficulties and how to handle them.
""")

CAPSTONE_TEMPLATE = Template("""\
---
# The activity that ends the module and uses everything it taught. It is not listed under
# lessons: the site always puts it last. Replace every placeholder that starts with TODO.
# course check also holds it to the course's content rules (`rules:` in mkdocs.yml).
title: "TODO: Capstone: what the learner does"
duration: 45  # minutes the activity takes
materials: ["TODO: what the facilitator prepares, such as Observer checklists"]
serves: [first-objective]  # ids of the module objectives it practises
# draws_on: [$lesson]  # the lessons it brings together; all of them when left out
---

TODO: say what the learner will do and why, in two or three sentences.

## The situation

TODO: the scenario, and what each role needs to know.

## Checklist

- [ ] TODO: something an observer can see the learner do
""")

ARTICLE_TEMPLATE = Template("""\
---
date: $today  # publication date; a future date keeps the article out until then
authors: [$author]  # ids from $authors_file: $authors
categories: ["TODO: one of $categories"]
tags: ["TODO: a topic, such as questioning"]
description: "TODO: one sentence for search engines, feeds and link previews"
# modules: [$first_module]  # the modules this article supports: $modules
draft: true  # keeps the article out of the built site; remove this line to publish
# course check also holds it to the course's content rules (`rules:` in mkdocs.yml), such as
# the fewest words in the text below.
---

# $title

TODO: the opening paragraph. It is the excerpt on the blog's index: say why the reader should care.

<!-- more -->

## TODO: the first heading

TODO: the rest of the article.
""")
