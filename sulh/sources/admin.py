from django.contrib import admin

from sulh.core.admin_base import ActionAdmin, ReadOnlyAdmin
from sulh.sources.actions import do_create_source
from sulh.sources.models import Report, Source


@admin.register(Source)
class SourceAdmin(ActionAdmin):
    """Safe fields only: identity is entered and revealed in the app, never in the back office."""

    list_display = ("safe_description", "kind", "reliability")
    list_filter = ("kind", "reliability")
    search_fields = ("safe_description", "safe_description_ar")
    fields = ("kind", "safe_description", "safe_description_ar", "reliability")

    def create_through(self, request, obj, form):
        return do_create_source(request.user, **{k: form.cleaned_data.get(k) for k in self.fields})


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "received_at", "language")
    exclude = ("source",)
