"""Stand-ins for the media tests: what processing stores for a photo."""

from __future__ import annotations

from services.media import StoredFiles


def stored(name: str) -> StoredFiles:
    """What processing would have stored for a photo called ``name``."""
    return StoredFiles(
        content_type="image/jpeg",
        size_bytes=1000,
        original_key=f"l/{name}.jpg",
        original_url=f"https://cdn.example/l/{name}.jpg",
        web_key=f"l/{name}-w.jpg",
        web_url=f"https://cdn.example/l/{name}-w.jpg",
        thumb_key=f"l/{name}-t.jpg",
        thumb_url=f"https://cdn.example/l/{name}-t.jpg",
        width=4000,
        height=3000,
    )


from tests.miniapp_api.conftest import _fresh_fake_wechat  # noqa: E402,F401  (login codes are single-use at the fake)
