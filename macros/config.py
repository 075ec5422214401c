"""The course plugin's options, as typed MkDocs config (the way Material's plugins declare theirs).

    plugins:
      - course:
          modules_dir: modules      # where the curriculum lives, relative to mkdocs.yml
          nav_section: Curriculum   # the nav section that receives one section per module
          review_age: 365           # days after `reviewed` when `course check` asks for a review
"""

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class CourseConfig(Config):
    modules_dir = c.Type(str, default="modules")
    blog_dir = c.Type(str, default="blog")
    nav_section = c.Type(str, default="Curriculum")
    review_age = c.Type(int, default=365)
