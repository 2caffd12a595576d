from django.contrib import admin

from sulh.core.admin_base import ActionAdmin
from sulh.events.models import Event


@admin.register(Event)
class EventAdmin(ActionAdmin):
    """Only titles are edited here; every fact of an event changes through a claim."""

    list_display = ("title", "event_type", "date_start", "place", "disputed")
    list_filter = ("event_type", "disputed", "origin")
    search_fields = ("title", "title_ar")
    fields = ("title", "title_ar")

    def has_add_permission(self, request):
        return False
