from django.contrib import admin

from sulh.core.admin_base import ActionAdmin
from sulh.places.actions import do_add_place
from sulh.places.models import Place


@admin.register(Place)
class PlaceAdmin(ActionAdmin):
    list_display = ("name_en", "name_ar", "kind", "pcode", "parent", "origin")
    list_filter = ("kind", "origin", "sensitive")
    search_fields = ("name_en", "name_ar", "pcode")
    raw_id_fields = ("parent",)
    fields = (
        "name_en",
        "name_ar",
        "aliases",
        "kind",
        "parent",
        "latitude",
        "longitude",
        "sensitive",
        "note",
    )

    def create_through(self, request, obj, form):
        data = {k: form.cleaned_data.get(k) for k in self.fields}
        return do_add_place(request.user, **data)
