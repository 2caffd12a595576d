import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    MEDIATOR = "mediator", _("Mediator")
    ANALYST = "analyst", _("Analyst")
    DOCUMENTER = "documenter", _("Field documenter")
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner (read-only, redacted)")


class User(AbstractUser):
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.ANALYST)
    # Seeing who a source is needs this flag on top of any role (see sulh/access).
    source_clearance = models.BooleanField(default=False)
    areas = models.ManyToManyField("places.Place", blank=True, related_name="+")
    # Second factor (TOTP): the secret sealed under the instance key like source identities.
    totp_sealed = models.BinaryField(blank=True, default=b"", editable=False)
    totp_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    totp_last_step = models.BigIntegerField(default=0, editable=False)
    # The language last chosen in the app ("" until then): what sulh writes to the user in,
    # such as alert emails, when no request says otherwise.
    language = models.CharField(max_length=8, blank=True, default="")

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER

    @property
    def has_totp(self) -> bool:
        return self.totp_confirmed_at is not None

    @property
    def needs_second_factor(self) -> bool:
        """Users with source clearance must use one; anyone who set one up uses it."""
        return self.has_totp or self.source_clearance


class ApiToken(models.Model):
    """A bearer token; only its hash is stored, the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, blank=True)
    prefix = models.CharField(max_length=8)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def new_secret() -> str:
        # The prefix people type to revoke a token must not start with "-": the command line
        # would read it as an option (one secret in 32 did).
        while True:
            secret = secrets.token_urlsafe(32)
            if secret[0] != "-":
                return "sulh_" + secret

    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
