"""Great-circle distance between two points given in degrees, on a spherical Earth."""

from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Kilometres along the surface; within 0.5% of the ellipsoid for distances a village uses."""
    phi1, phi2 = radians(lat1), radians(lat2)
    dphi, dlambda = phi2 - phi1, radians(lon2 - lon1)
    a = sin(dphi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(min(1.0, sqrt(a)))


def degrees_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """A latitude/longitude box that holds every point within ``km`` (for an indexed pre-filter)."""
    dlat = km / 111.0
    dlon = km / max(0.01, 111.0 * cos(radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
