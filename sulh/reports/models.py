"""The dashboard's summary: events and fatalities per week, rolled up into small "cubes".

Each cube keeps the weekly totals along a few dimensions (type; governorate; governorate and
type; ... sub-district and type; an actor with or without governorate and type). A query reads the
smallest cube holding every dimension it filters or groups on, so the dashboard touches thousands
of rows, not a million. Derived from ``events.Event`` and rebuilt from it at will (``sulh reports
refresh``), these rows carry no history and point at places and actors without constraints.
"""

from django.db import models

# Cube name -> the dimensions it keeps besides the week, smallest cubes first. A cube that keeps a
# district also carries its governorate, and one that keeps a sub-district carries both.
CUBES: dict[str, frozenset[str]] = {
    "t": frozenset({"type"}),
    "1": frozenset({"adm1"}),
    "1t": frozenset({"adm1", "type"}),
    "2": frozenset({"adm1", "adm2"}),
    "2t": frozenset({"adm1", "adm2", "type"}),
    "3": frozenset({"adm1", "adm2", "adm3"}),
    "3t": frozenset({"adm1", "adm2", "adm3", "type"}),
    "p": frozenset({"adm1", "adm2", "adm3", "place"}),
    "a": frozenset({"actor"}),
    "at": frozenset({"actor", "type"}),
    "a1": frozenset({"actor", "adm1"}),
}


def _ref(to: str) -> models.ForeignKey:
    # No index of its own: the summary is always read through the composite indexes below.
    return models.ForeignKey(
        to,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )


class Cell(models.Model):
    """The events of one week in one cube's slice; dimensions a cube does not keep are empty."""

    cube = models.CharField(max_length=4)
    week = models.DateField(null=True)
    adm1 = _ref("places.Place")
    adm2 = _ref("places.Place")
    adm3 = _ref("places.Place")
    event_type = models.CharField(max_length=40, blank=True)
    place = _ref("places.Place")  # the village or town: a sub-district's breakdown
    actor = _ref("actors.Actor")
    events = models.IntegerField(default=0)
    # Events with no fatality figure at all: shown apart so "0 killed" is not read as known.
    unknown = models.IntegerField(default=0)
    fatalities_low = models.BigIntegerField(default=0)
    fatalities_best = models.BigIntegerField(default=0)
    fatalities_high = models.BigIntegerField(default=0)

    class Meta:
        # Each index serves a filter and the grouping beneath it in order (a governorate's
        # districts, a type's governorates, an actor's governorates), so SQLite needs no sort.
        indexes = [
            models.Index(fields=["cube", "week"], name="reports_cell_cube_week"),
            models.Index(fields=["cube", "adm1", "adm2", "week"], name="reports_cell_adm1_adm2"),
            models.Index(fields=["cube", "adm2", "adm3", "week"], name="reports_cell_adm2_adm3"),
            models.Index(fields=["cube", "adm3", "week"], name="reports_cell_adm3_week"),
            models.Index(fields=["cube", "event_type", "adm1"], name="reports_cell_type_adm1"),
            models.Index(fields=["cube", "actor", "adm1", "week"], name="reports_cell_actor_adm1"),
        ]

    def __str__(self) -> str:
        return f"{self.cube} {self.week}: {self.events}"
