"""API pagination with bounds, so an absurd offset is a 422 naming it rather than a 500."""

from ninja import Field, Schema
from ninja.conf import settings
from ninja.pagination import LimitOffsetPagination

LARGEST_OFFSET = 2**31 - 1


class BoundedPagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(settings.PAGINATION_PER_PAGE, ge=1, le=settings.PAGINATION_MAX_LIMIT)
        offset: int = Field(0, ge=0, le=LARGEST_OFFSET)


class MappedPage:
    """A queryset whose rows become API items only for the page asked for.

    Returning ``[to_item(row) for row in queryset]`` to ``@paginate`` turns every matching row
    into an item before the page is cut from the list: with a national dataset, a million events
    for a page of fifty. This is sliced and counted the way the paginator slices and counts a
    queryset; ``to_items`` gets the page's rows together, so it can read what they share at once.
    """

    def __init__(self, queryset, to_items) -> None:
        self.queryset = queryset
        self.to_items = to_items

    def all(self) -> "MappedPage":
        return self

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.to_items(list(self.queryset[index]))
        return self.to_items([self.queryset[index]])[0]
