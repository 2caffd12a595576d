from django import template

from sulh.access.redact import claim_public
from sulh.claims.models import record_claims

register = template.Library()


@register.simple_tag(takes_context=True)
def claims_of(context: template.Context, record) -> list[dict]:
    """Every claim on a record as the shared policy shows it to the user of the page."""
    user = context["request"].user
    claims = record_claims(record).select_related("source", "place", "record_type")
    return [claim_public(c, user) for c in claims]
