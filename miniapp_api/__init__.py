"""The mini-program API, /api/mp/v1: one blueprint per resource, bearer-token auth and rate limits for all."""

from sanic import Blueprint

from miniapp_api import auth, commissions, favorites, leads, listings, me, posters, usage, viewings
from miniapp_api.schema import PREFIX

bp = Blueprint.group(
    auth.bp,
    listings.bp,
    posters.bp,
    leads.bp,
    favorites.bp,
    viewings.bp,
    me.bp,
    commissions.bp,
    usage.bp,
    url_prefix=PREFIX,
)
bp.middleware(auth.guard, "request")
