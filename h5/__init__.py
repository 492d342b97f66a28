"""H5 pages clients open and forward in WeChat: listings, staff portfolios, consultation, tracking beacons, satisfaction ratings.

No rules of its own: pages call the same services as the chat and the
mini-program (``services.listings_public``, ``services.leads``,
``services.tracking``).
"""

from sanic import Blueprint

from h5 import events, pages, ratings

bp = Blueprint.group(pages.bp, events.bp, ratings.bp, url_prefix="/h5")
