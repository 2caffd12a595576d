from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sulh.lib.arabic import normalise, skeleton


class BilingualName(models.Model):
    """A record known by names in English and Arabic and by other spellings (places, actors)."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    aliases = models.JSONField(_("other names and spellings"), default=list, blank=True)
    match_keys = models.TextField(editable=False, blank=True)

    class Meta:
        abstract = True
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.display_name()

    def display_name(self, language: str | None = None) -> str:
        language = language or get_language() or "en"
        if language.startswith("ar") and self.name_ar:
            return self.name_ar
        return self.name_en or self.name_ar

    def all_names(self) -> list[str]:
        return [n for n in [self.name_en, self.name_ar, *self.aliases] if n]

    def compute_match_keys(self) -> str:
        keys = {key for name in self.all_names() for key in (normalise(name), skeleton(name))}
        return "\n".join(sorted(k for k in keys if k))


class ScenarioKey(models.Model):
    """Stable name for a record loaded from a scenario file, so a second load adds nothing."""

    key = models.CharField(max_length=120, unique=True)
    record_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    record_id = models.PositiveBigIntegerField()

    def __str__(self) -> str:
        return self.key
