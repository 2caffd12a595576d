from sulh.lib.matching import NameIndex

INDEX = NameIndex(
    [
        (1, ["Al Qadmūs", "القدموس", "Qadmous"]),
        (2, ["Maşyāf", "مصياف", "Masyaf", "Massiaf"]),
        (3, ["Bāniyās", "بانياس", "Banias"]),
    ]
)


def test_exact_names_in_either_script_score_100():
    assert INDEX.search("القدموس")[0].id == 1
    assert INDEX.search("القدموس")[0].score == 100


def test_unlisted_transliterations_still_find_the_place():
    best = INDEX.search("Misyaf")[0]
    assert best.id == 2 and best.score >= 90


def test_typos_are_forgiven_but_rank_below_exact_matches():
    best = INDEX.search("Qadmoos")[0]
    assert best.id == 1 and 70 <= best.score < 100


def test_nonsense_finds_nothing():
    assert INDEX.search("Xyzzyq") == []


def test_a_limit_below_one_finds_nothing_instead_of_crashing():
    assert INDEX.search("Qadmoos", limit=0) == []
    assert INDEX.search("Qadmoos", limit=-78371595) == []
