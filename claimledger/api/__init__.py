"""REST API (FastAPI) and the app factory that also mounts the web UI; see docs/web.md."""
