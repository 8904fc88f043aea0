"""The blueprints: search (and help, export), articles (and PDF pages), issues."""
