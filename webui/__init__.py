"""The Flask search page: create_app(config) -> Flask."""
