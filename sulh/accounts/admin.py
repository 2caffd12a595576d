from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from sulh.accounts.models import ApiToken, User


@admin.register(User)
class SulhUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("sulh", {"fields": ("role", "source_clearance", "areas")}))
    list_display = ("username", "role", "source_clearance", "is_active")
    filter_horizontal = ("areas", "groups", "user_permissions")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "expires_at", "revoked_at")
    readonly_fields = ("prefix", "token_hash", "created_at", "last_used_at")
