from sulh.lib.charts import Bar, Point, bar_chart, point_map


def test_a_bar_chart_escapes_its_labels_and_draws_one_bar_each():
    svg = bar_chart([Bar("<b>", 3), Bar("week 2", 5, 4, 9)], title="Events & deaths")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<b>" not in svg and "&lt;b&gt;" in svg
    assert "Events &amp; deaths" in svg
    assert svg.count("<rect") == 2
    assert svg.count('stroke="#222"') == 1  # one low-high whisker


def test_an_empty_chart_still_draws_its_axes():
    svg = bar_chart([])
    assert "<svg" in svg and "<rect" not in svg


def test_a_point_map_fits_the_points_and_draws_nothing_without_any():
    assert point_map([]) == ""
    svg = point_map([Point(36.05, 35.1, "Qadmus", 3), Point(36.2, 35.2, "Masyaf", kind="place")])
    assert svg.count("<circle") == 2
    assert "Qadmus" in svg and "km" in svg
