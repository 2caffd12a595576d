from django import template

from sulh.access.redact import claim_public
from sulh.claims.models import record_claims
from sulh.claims.registry import fields_for

register = template.Library()


@register.simple_tag(takes_context=True)
def claims_of(context: template.Context, record) -> list[dict]:
    """Every claim on a record as the shared policy shows it to the user of the page."""
    user = context["request"].user
    claims = record_claims(record).select_related("source", "place", "record_type")
    labels = {name: str(spec.label) for name, spec in fields_for(record).items()}
    return [{**claim_public(c, user), "label": labels.get(c.field, c.field)} for c in claims]
