"""Server-rendered web UI: Jinja2 templates, our own CSS and script, SVG charts; see docs/web.md."""
