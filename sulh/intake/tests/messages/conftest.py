"""Fixtures of the messaging tests."""

import pytest


@pytest.fixture
def qadmus(db):
    """The town of Qadmus (the locality; the district and sub-district share its name)."""
    from sulh.places.models import Place

    return Place.objects.get(geonames_id=173389)


@pytest.fixture
def source(db):
    from sulh.sources.actions import do_create_source

    return do_create_source(None, kind="person", safe_description="a council member (test)")
