from django.contrib.contenttypes.models import ContentType
from django.db import models


class ScenarioKey(models.Model):
    """Stable name for a record loaded from a scenario file, so a second load adds nothing."""

    key = models.CharField(max_length=120, unique=True)
    record_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    record_id = models.PositiveBigIntegerField()

    def __str__(self) -> str:
        return self.key
