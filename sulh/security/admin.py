from django.contrib import admin

from sulh.core.admin_base import ReadOnlyAdmin
from sulh.security import models


# Read-only: every fact of a register row changes through a claim (web, API or CLI).
@admin.register(
    models.CheckpointProgramme,
    models.Checkpoint,
    models.WeaponsTransfer,
    models.ArmedUnit,
    models.AidMovement,
)
class RegisterAdmin(ReadOnlyAdmin):
    list_display = ("name", "date_start", "place", "disputed")
    list_filter = ("disputed", "origin")
    search_fields = ("name", "name_ar")
