"""Who gets what from each route of this app: see sulh/access/tests/matrix.py."""

from sulh.access.tests.matrix import page

WEB = {"audit:log": page(403, admin=200, anonymous=302)}
