"""Normalise names so that spellings of one place or actor meet, in Arabic and in Latin script.

Two keys are produced for a name:
- ``normalise``: a lower-case form with Arabic orthographic variants folded (hamza/alef forms,
  taa marbuta, alef maqsura, diacritics, tatweel, the article) and Latin accents, articles and
  punctuation removed. Good for exact and fuzzy comparison within one script.
- ``skeleton``: the consonants of the name, mapped to one Latin alphabet from either script, with
  doubled letters and vowels (and w/y inside words) dropped. "Misyaf", "Masyaf", "Massiaf" and
  "مصياف" all give "msf"; "Qadmous" and "القدموس" give "kdms". It finds candidates across
  transliterations and scripts; the final score comes from fuzzy matching.
"""

import re
import unicodedata

ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "ک": "ك",
        "ی": "ي",
    }
)
ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
ARABIC_ARTICLE = re.compile(r"(^|\s)(و?ال)(?=\S{2,})")
LATIN_ARTICLE = re.compile(r"(^|\s)(al|el| al|ad|ash|as|at|ar|az|an|adh)[-\s'’]+(?=\w)")
APOSTROPHES = re.compile(r"[’'`ʿʾ‘ʼ]")
NON_WORD = re.compile(r"[^\w\s]+")
SPACES = re.compile(r"\s+")

ARABIC_TO_LATIN = {
    "ا": "a",
    "ب": "b",
    "ت": "t",
    "ث": "s",
    "ج": "j",
    "ح": "h",
    "خ": "k",
    "د": "d",
    "ذ": "d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "s",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "k",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "و": "w",
    "ي": "y",
    "ء": "",
    "پ": "b",
    "چ": "j",
    "گ": "k",
    "ڤ": "f",
}
LATIN_DIGRAPHS = [
    ("kh", "k"),
    ("gh", "k"),
    ("sh", "s"),
    ("ch", "s"),
    ("th", "s"),
    ("dh", "d"),
    ("ph", "f"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("dj", "j"),
]
LATIN_LETTERS = str.maketrans(
    {"q": "k", "g": "k", "c": "k", "x": "ks", "v": "f", "p": "b", "e": "a"}
)
VOWELS = set("aeiou")


def has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def fold_digits(text: str) -> str:
    return text.translate(ARABIC_INDIC_DIGITS)


def normalise_arabic(text: str) -> str:
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    text = text.translate(ARABIC_FOLDS)
    return ARABIC_ARTICLE.sub(r"\1", text)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise(text: str) -> str:
    """Fold the spelling variants of a name into one comparable form (either script)."""
    text = fold_digits(text.strip().lower())
    text = normalise_arabic(text) if has_arabic(text) else strip_accents(text)
    text = APOSTROPHES.sub("", text)
    text = LATIN_ARTICLE.sub(r"\1", text.replace("-", " - "))
    text = NON_WORD.sub(" ", text)
    return SPACES.sub(" ", text).strip()


def _latin_word_skeleton(word: str) -> str:
    for digraph, single in LATIN_DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.translate(LATIN_LETTERS)
    return _consonants(word)


def _consonants(word: str) -> str:
    out: list[str] = []
    for index, ch in enumerate(word):
        if ch in VOWELS or (ch in "wy" and index > 0):
            continue
        if ch == "h" and index == len(word) - 1 and index > 0:
            continue  # taa marbuta / final -ah, -eh
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


def skeleton(text: str) -> str:
    """Consonant skeleton of a name, comparable across transliterations and scripts."""
    words = normalise(text).split()
    keys = []
    for word in words:
        if has_arabic(word):
            word = "".join(ARABIC_TO_LATIN.get(ch, ch) for ch in word)
            keys.append(_consonants(word))
        else:
            keys.append(_latin_word_skeleton(word))
    return " ".join(k for k in keys if k)


# One character for one character, so that offsets found in the folded text are offsets in the
# original: digits, alef/hamza forms, alef maqsura and taa marbuta folded; diacritics kept.
SEARCH_FOLDS = str.maketrans(
    {
        **{ch: str(i % 10) for i, ch in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")},
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "٬": ",",
        "،": ",",
    }
)


def fold_for_search(text: str) -> str:
    """A same-length form of ``text`` for pattern matching in running text (see SEARCH_FOLDS)."""
    folded = text.translate(SEARCH_FOLDS)
    assert len(folded) == len(text)
    return folded
