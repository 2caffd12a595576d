import pytest

pytestmark = pytest.mark.django_db


def test_out_of_range_numbers_are_a_422_not_a_500(api_for):
    client = api_for("analyst")
    client.client.raise_request_exception = False
    assert client.get("/actors", offset=10**30).status_code == 422
    assert client.get("/actors", limit=10**6).status_code == 422
    assert client.get(f"/actors/{10**30}").status_code in (404, 422)
