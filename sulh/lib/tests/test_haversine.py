from hypothesis import given
from hypothesis import strategies as st

from sulh.lib.haversine import degrees_box, haversine_km

lat = st.floats(min_value=-80, max_value=80)
lon = st.floats(min_value=-179, max_value=179)


def test_qadmus_to_baniyas_is_about_the_road_atlas_distance():
    # Qadmus (35.0986, 36.1598) to Baniyas (35.1822, 35.9401): about 22 km as the crow flies.
    assert 21 < haversine_km(35.0986, 36.1598, 35.1822, 35.9401) < 23


def test_a_point_is_at_zero_distance_from_itself():
    assert haversine_km(35.1, 36.2, 35.1, 36.2) == 0


@given(lat, lon, lat, lon)
def test_distance_is_symmetric_and_never_negative(a, b, c, d):
    there, back = haversine_km(a, b, c, d), haversine_km(c, d, a, b)
    assert there >= 0 and abs(there - back) < 1e-6


@given(lat, lon, st.floats(min_value=0.1, max_value=200))
def test_the_box_holds_the_points_at_that_distance_due_north_and_east(a, b, km):
    south, north, west, east = degrees_box(a, b, km)
    assert south <= a <= north and west <= b <= east
    assert haversine_km(a, b, north, b) >= km * 0.99
    assert haversine_km(a, b, a, east) >= km * 0.99
