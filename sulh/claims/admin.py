from django.contrib import admin

from sulh.claims.models import Claim
from sulh.core.admin_base import ReadOnlyAdmin


@admin.register(Claim)
class ClaimAdmin(ReadOnlyAdmin):
    list_display = ("field", "record_type", "record_id", "status", "credibility", "recorded_at")
    list_filter = ("status", "field", "kind")
    exclude = ("source",)
