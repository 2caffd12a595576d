"""Who may import and export, built on sulh.access.policy."""

from typing import Any

from sulh.access.policy import is_active
from sulh.accounts.models import Role

IMPORTER_ROLES = {Role.ADMINISTRATOR, Role.ANALYST}


def can_import(user: Any) -> bool:
    """Analysts and administrators load datasets; a dataset touches every area."""
    return is_active(user) and (user.is_superuser or user.role in IMPORTER_ROLES)


def can_export(user: Any) -> bool:
    """Anyone signed in; what they get is limited to their areas and redacted for their role."""
    return is_active(user)
