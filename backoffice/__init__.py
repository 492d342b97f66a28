"""The web back office (/bo) for staff: sign-in by WeChat, then pages over the same services as chat.

No rules of its own: every page calls the services chat and the mini-program use, with the signed-in
account, so ``services.permissions`` decides once what each role sees and changes.

Adding a page:

1. a module ``backoffice/<area>.py`` with ``bp = Blueprint("bo_<area>")`` and ``web.nav(order, "/<area>", "名称",
   roles)`` for its menu entry (omit ``roles`` for every staff role);
2. routes decorated ``@bp.get(...)`` then ``@web.staff_page`` (signed-in staff only, CSRF checked on
   POST/PUT/DELETE, service refusals shown as pages); the account is ``request.ctx.account``; pass it to
   services, never query what it may see yourself;
3. ``return web.render(request, "<area>.html", title=..., ...)`` with a template that
   ``{% extends "base.html" %}`` and fills ``{% block content %}``; forms carry
   ``<input type="hidden" name="csrf" value="{{ csrf }}">`` (htmx requests send it as ``X-CSRF-Token``,
   set once in base.html);
4. add its blueprint to ``bp`` below, and tests in ``tests/backoffice/test_<area>.py`` for each role
   (``bo_client`` fixture), including another team's record by id.
"""

from sanic import Blueprint

from backoffice import auth, clients, dashboard, followups, listings, referrals, settings, spend, staff, web

static = Blueprint("bo_static")
static.static("/static", web.STATIC, name="static")

bp = Blueprint.group(
    static,
    auth.bp,
    dashboard.bp,
    clients.bp,
    listings.bp,
    followups.bp,
    referrals.bp,
    staff.bp,
    spend.bp,
    settings.bp,
    url_prefix=web.PREFIX,
)
