"""Admin: rules change through the actions (audited); alerts are read-only."""

from typing import Any

from django.contrib import admin

from sulh.core.admin_base import ActionAdmin, ReadOnlyAdmin
from sulh.warning import actions
from sulh.warning.models import Alert, AlertRule


@admin.register(AlertRule)
class AlertRuleAdmin(ActionAdmin):
    list_display = ("name", "indicator", "place", "mode", "threshold", "window_days", "active")
    list_filter = ("indicator", "mode", "active")
    raw_id_fields = ("place",)
    filter_horizontal = ("recipients",)
    exclude = ("created_by", "created_at", "updated_at")

    def create_through(self, request: Any, obj: AlertRule, form: Any) -> AlertRule:
        fields = {name: form.cleaned_data[name] for name in actions.RULE_FIELDS}
        return actions.do_create_rule(
            request.user, recipients=list(form.cleaned_data["recipients"]), **fields
        )


@admin.register(Alert)
class AlertAdmin(ReadOnlyAdmin):
    list_display = ("day", "rule", "place", "indicator", "value", "bar", "acknowledged_at")
    list_filter = ("indicator", "day")
