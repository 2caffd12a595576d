"""Whatever a mediator tries, a commitment's history stays a chain of evidenced steps."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sulh.mediation.models import CommitmentStatus

pytestmark = pytest.mark.django_db

attempts = st.lists(
    st.tuples(st.sampled_from(CommitmentStatus.values), st.sampled_from(["event", "source", None])),
    max_size=6,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=attempts)
def test_the_history_is_a_chain_of_evidenced_steps(demo_key, steps):
    from django.core.exceptions import ValidationError

    from sulh.mediation.actions import do_add_commitment, do_change_commitment_status

    case = demo_key("case-faction")
    source, event = demo_key("src-activist-b"), demo_key("ev-night-curfew")
    commitment = do_add_commitment(
        None, case, obliged=demo_key("actor-faction"), action="Stop", source=source
    )
    accepted = []
    for status, evidence in steps:
        try:
            do_change_commitment_status(
                None,
                commitment,
                status,
                source=source if evidence == "source" else None,
                event=event if evidence == "event" else None,
            )
        except ValidationError:
            assert evidence is None or status == commitment.status
        else:
            assert evidence is not None
            accepted.append(status)
    history = list(commitment.changes.order_by("id"))
    assert [c.status for c in history] == accepted
    previous = ["pending", *accepted][: len(accepted)]
    assert [c.previous for c in history] == previous
    assert all(c.claim_id or c.event_id for c in history)
    commitment.refresh_from_db()
    assert commitment.status == (accepted[-1] if accepted else "pending")
