"""Every id the course fragments (overrides/partials/course/) write into a page, in one table.

The fragments write them from here (`anchors` in every fragment: `id="{{ anchors.key_takeaways }}"`,
`id="{{ anchors.question(lesson.slug, loop.index) }}"`); the plugin lists the headings among
them in the page's table of contents with their `title`; `course check` accepts links to them
(anchors.fragment_anchor). An id with a part that varies writes that part as `{}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class FragmentId:
    pattern: str  # "key-takeaways", or "knowledge-check-{}" with the varying part as {}
    title: str = ""  # the heading's entry in the table of contents, for the ones listed there

    def __str__(self) -> str:
        return self.pattern

    def __call__(self, *parts) -> str:
        """The id with its varying parts filled in: question("things", 2) -> 'things-q2'."""
        return self.pattern.format(*parts)

    def matches(self, anchor: str) -> bool:
        """Whether some page's fragment may have this id (a varying part is any text)."""
        return re.fullmatch(".+".join(map(re.escape, self.pattern.split("{}"))), anchor) is not None


@dataclass(frozen=True)
class FragmentIds:
    # headings, with their table-of-contents titles
    lesson_objectives: FragmentId = FragmentId("lesson-objectives", "Objectives")
    capstone_objectives: FragmentId = FragmentId("capstone-objectives", "What this practises")
    module_objectives: FragmentId = FragmentId("module-objectives", "Objectives")
    before_you_start: FragmentId = FragmentId("before-you-start", "Before you start")
    lessons: FragmentId = FragmentId("lessons", "Lessons")
    after_the_course: FragmentId = FragmentId("after-the-course", "After the course")
    run_as_a_workshop: FragmentId = FragmentId("run-as-a-workshop", "Print it or run it as a workshop")
    knowledge_check: FragmentId = FragmentId("knowledge-check-{}", "Check your understanding")  # lesson slug
    key_takeaways: FragmentId = FragmentId("key-takeaways", "Key takeaways")
    take_the_course: FragmentId = FragmentId("take-the-course", "Take the course")
    sources: FragmentId = FragmentId("sources", "Sources")  # a lesson's, capstone's or article's `sources:`
    # the rest: things links and course.js point at
    objective: FragmentId = FragmentId("objective-{}")  # objective id
    question: FragmentId = FragmentId("{}-q{}")  # lesson slug, question number
    option: FragmentId = FragmentId("{}-q{}-{}")  # lesson slug, question number, option number
    option_why: FragmentId = FragmentId("{}-q{}-{}-why")  # the option's explanation
    catalogue_filter: FragmentId = FragmentId("catalogue-filter-{}")  # filter name
    learning_path_arrow: FragmentId = FragmentId("course-path-arrow")
    manager_contents: FragmentId = FragmentId("manager-guide-contents")  # the manager's guide's list of parts

    def __iter__(self):
        return (getattr(self, field.name) for field in fields(self))


FRAGMENT_IDS = FragmentIds()
