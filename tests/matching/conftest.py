from tests.chat.conftest import make_client, make_listing, team  # noqa: F401  the same factories
