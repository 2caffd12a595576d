from django.contrib import admin

from sulh.actors.actions import do_create_actor
from sulh.actors.models import Actor
from sulh.core.admin_base import ActionAdmin


@admin.register(Actor)
class ActorAdmin(ActionAdmin):
    list_display = ("name_en", "name_ar", "kind", "acled_category", "parent")
    list_filter = ("kind", "acled_category")
    search_fields = ("name_en", "name_ar")
    raw_id_fields = ("parent", "place")
    fields = (
        "name_en",
        "name_ar",
        "aliases",
        "kind",
        "acled_category",
        "parent",
        "role",
        "place",
        "description",
    )

    def create_through(self, request, obj, form):
        return do_create_actor(request.user, **{k: form.cleaned_data.get(k) for k in self.fields})
