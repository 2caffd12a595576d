"""Admin classes that write through the actions, like every other interface."""

from typing import Any

from django.contrib import admin

from sulh.core.actions import do_update_fields


class ActionAdmin(admin.ModelAdmin):
    """Creation goes to ``create_through``; edits become audited field updates."""

    def create_through(self, request: Any, obj: Any, form: Any) -> Any:
        raise NotImplementedError

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        if change:
            do_update_fields(
                request.user,
                obj,
                {
                    name: form.cleaned_data[name]
                    for name in form.changed_data
                    if name in form.cleaned_data and not _is_m2m(obj, name)
                },
            )
        else:
            created = self.create_through(request, obj, form)
            obj.pk = created.pk

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False  # records are referenced by claims and the audit log; nothing is deleted


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


def _is_m2m(obj: Any, name: str) -> bool:
    return any(f.name == name for f in obj._meta.many_to_many)
