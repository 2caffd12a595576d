"""Plain text from what people paste or upload: text, Markdown, HTML and .docx.

A .docx is a zip of XML; its paragraphs are read with the standard library, so no dependency
(python-docx would add lxml) is needed for the one thing intake wants from it: the words.
"""

import html
import re
import zipfile
from html.parser import HTMLParser
from io import BytesIO
from xml.etree import ElementTree  # noqa: S405 - a .docx from a user; no DTDs are resolved

FORMATS = ("text", "markdown", "html", "docx")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote"}


class FormatError(ValueError):
    pass


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self.skip:
            self.parts.append(data)


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t\u00a0]+", " ", text.replace("\r\n", "\n"))
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def from_html(raw: str) -> str:
    parser = _Text()
    parser.feed(raw)
    return _tidy(html.unescape("".join(parser.parts)))


def from_markdown(raw: str) -> str:
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", raw)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+", "", text, flags=re.M)
    text = re.sub(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1", r"\2", text)
    return _tidy(text)


def from_docx(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise FormatError("this is not a .docx file (no word/document.xml inside)") from exc
    root = ElementTree.fromstring(xml)  # noqa: S314
    paragraphs = []
    for para in root.iter(f"{W}p"):
        paragraphs.append("".join(node.text or "" for node in para.iter(f"{W}t")))
    return _tidy("\n".join(paragraphs))


def guess_format(filename: str) -> str:
    name = filename.lower()
    if name.endswith(".docx"):
        return "docx"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".md", ".markdown")):
        return "markdown"
    return "text"


def to_text(data: bytes | str, fmt: str) -> str:
    """The words of a document; a FormatError says why they could not be read."""
    if fmt not in FORMATS:
        raise FormatError(f"{fmt!r} is not a format intake reads ({', '.join(FORMATS)})")
    if fmt == "docx":
        if isinstance(data, str):
            raise FormatError("a .docx must be uploaded as a file")
        return from_docx(data)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FormatError("the file is not UTF-8 text") from exc
    if fmt == "html":
        return from_html(data)
    if fmt == "markdown":
        return from_markdown(data)
    return _tidy(data)
