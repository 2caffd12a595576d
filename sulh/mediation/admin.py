"""Read-only admin views: mediation records change through the case pages, API and commands."""

from django.contrib import admin

from sulh.core.admin_base import ReadOnlyAdmin
from sulh.mediation.models import Case, Commitment, CommitmentChange, Meeting


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ("title", "status", "updated_at")
    list_filter = ("status",)
    search_fields = ("title", "title_ar")


@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin):
    list_display = ("title", "kind", "held_at", "case")
    list_filter = ("kind",)
    exclude = ("source",)  # shown on the case page by its safe description only


@admin.register(Commitment)
class CommitmentAdmin(ReadOnlyAdmin):
    list_display = ("action", "obliged", "deadline", "status", "case")
    list_filter = ("status",)
    exclude = ("source",)


@admin.register(CommitmentChange)
class CommitmentChangeAdmin(ReadOnlyAdmin):
    list_display = ("commitment", "previous", "status", "effective_on")
    exclude = ("claim",)
