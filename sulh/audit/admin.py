from django.contrib import admin

from sulh.audit.models import AuditEntry
from sulh.core.admin_base import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ("at", "username", "action", "record_type", "record_id", "summary")
    list_filter = ("action", "record_type")
    search_fields = ("username", "summary", "record_id")
