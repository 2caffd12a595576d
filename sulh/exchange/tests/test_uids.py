"""Imported events get time-ordered UUIDs (version 7), distinct and increasing within an import."""

import uuid

from sulh.exchange.bulk import UuidSequence


def test_uids_of_a_batch_are_distinct_increasing_version_7():
    sequence = UuidSequence()
    first, second = sequence.take(500), sequence.take(3)
    uids = [uuid.UUID(h) for h in first + second]
    assert len(set(uids)) == 503
    assert uids == sorted(uids)
    assert {u.version for u in uids} == {7} and {u.variant for u in uids} == {uuid.RFC_4122}
