"""HTML pages, RSS/Atom feeds and WARC archives, read with the real libraries."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest import IngestProblem
from sitrep.model import Document
from ingest_helpers import documents, problems, read_all

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ARTICLE = FIXTURES / "batch" / "kherson_article.html"

UNDATED_PAGE = b"""<html><head><title>Night attack on Sumy</title></head><body>
<article><p>Drones struck an industrial area of Sumy during the night, starting a large fire
that firefighters contained by dawn, the regional administration said on its website.</p>
<p>No casualties were reported, but several buildings were damaged by the blasts.</p></article>
</body></html>"""


def test_html_article_main_text_and_metadata():
    [document] = read_all(ARTICLE)
    assert isinstance(document, Document)
    assert "knocked out a substation in Kherson" in document.text
    assert "All rights reserved" not in document.text  # footer boilerplate removed
    assert "Sport" not in document.text  # navigation removed
    assert document.title == "Strikes on Kherson leave city without power"
    assert document.published == "2023-05-14"
    assert document.author == "Olena Marchuk"
    assert document.url == "https://frontline.example.net/2023/05/kherson-power"
    assert document.source == "kherson_article.html"
    assert document.meta["format"] == "html"


def _page_around(article: str) -> str:
    """An article between a related-links aside, a dated reader's comment and a footer."""
    return (
        "<html><head><title>Fighting near Toretsk</title></head><body>"
        "<aside class='related'><a href='/x'>Rail line reopened</a>"
        "<time datetime='2021-06-14'>14 June 2021</time></aside>"
        f"<article><h1>Fighting near Toretsk</h1>{article}"
        "<p>Ukrainian units repelled two assaults near Toretsk on Friday, a brigade spokesman "
        "said, adding that the town's water station had been damaged again.</p></article>"
        "<section class='comments'><div class='comment'><span class='date'>Posted on 12 March "
        "2019</span> anon: stay safe everyone.</div></section>"
        "<footer>Copyright 2019-2024 Some Site. Page generated 2024-10-05.</footer></body></html>"
    )


def test_html_date_is_the_articles_never_a_comments_related_links_or_footers(tmp_path):
    undated = tmp_path / "undated.html"
    undated.write_text(_page_around(""))
    bylined = tmp_path / "bylined.html"
    bylined.write_text(_page_around("<p class='byline'>By Anna Melnyk, 3 August 2024</p>"))
    first, second = read_all(undated, bylined)
    assert first.published is None
    assert second.published == "2024-08-03"


def test_html_without_main_text_is_one_problem(tmp_path):
    page = tmp_path / "menu_only.html"
    page.write_text("<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a>"
                    "</nav></body></html>")
    items = read_all(page, ARTICLE)
    assert [problem.line() for problem in problems(items)] == [f"{page}: no main text found"]
    assert len(documents(items)) == 1


def test_rss_entries_become_documents_and_a_bodiless_entry_is_its_title():
    path = FIXTURES / "batch" / "nested" / "feed_rss.xml"
    items = read_all(path)
    first, second, third = items
    assert first.source == second.source == "Border Monitor"
    assert first.text.startswith("Mortar rounds landed on the outskirts of Vovchansk")
    assert "<b>" not in first.text and "\n\nA farm building caught fire" in first.text
    assert first.title == "Mortar fire reported near Vovchansk"
    assert first.url == "https://border.example.org/notes/vovchansk-mortar"
    assert first.external_id == "bm-2023-0412"
    assert first.published == "2023-04-12"  # 23:30 +0300 stays on the writer's day
    assert first.origin == f"{path}#entry-1"
    assert second.published == "2023-04-13"
    assert third.text == third.title == "Photo of the day"  # an empty <description>


def test_feed_item_with_only_a_headline_is_read_and_one_with_only_an_image_passed_over(tmp_path):
    image = ("<item><guid>{}</guid>"
             "<description><![CDATA[<img src='x.jpg'><br/>]]></description></item>")
    headline = ("<item><title>Explosions reported in Belgorod</title><guid>aw-3</guid>"
                "<pubDate>Wed, 07 Feb 2024 10:00:00 GMT</pubDate></item>")
    mixed = tmp_path / "mixed.rss"
    mixed.write_text(f"<rss version='2.0'><channel><title>T</title>{image.format('aw-1')}"
                     f"{headline}</channel></rss>")
    images = tmp_path / "images.rss"
    images.write_text(f"<rss version='2.0'><channel>{image.format('aw-2')}</channel></rss>")
    items = read_all(mixed, images)
    [document] = documents(items)
    assert document.text == document.title == "Explosions reported in Belgorod"
    assert document.origin == f"{mixed}#entry-2" and document.published == "2024-02-07"
    [problem] = problems(items)
    assert problem.line() == f"{images}: no entry with a title or text in feed"


def test_atom_entry_prefers_full_content_over_summary():
    [document] = read_all(FIXTURES / "atom_feed.xml")
    assert document.text.startswith("Gunmen attacked a supply convoy on the road north of Gao")
    assert "Three trucks were burned." in document.text
    assert "Short summary only" not in document.text
    assert document.published == "2023-09-01"
    assert document.author == "Field desk"
    assert document.source == "Sahel Security Notes"
    assert document.external_id == "urn:example:sahel-notes:0901"


def test_rss_1_0_rdf_items_become_documents():
    [document] = read_all(FIXTURES / "rdf_feed.rdf")
    assert document.text.startswith("Artillery struck the old ferry pier")
    assert document.source == "Delta Situation Notes"
    assert document.title == "Ferry pier hit at dawn"
    assert document.url == "https://delta.example.org/notes/ferry-pier"
    assert document.published == "2024-03-10"


def test_malformed_feed_is_one_problem_and_batch_continues(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Bro')
    items = read_all(broken, ARTICLE)
    [problem] = problems(items)
    assert problem.where == str(broken) and problem.message.startswith("malformed feed")
    assert len(documents(items)) == 1


def test_feed_title_missing_falls_back_to_file_name(tmp_path):
    path = tmp_path / "untitled.rss"
    path.write_text("<rss version='2.0'><channel><item><title>T</title><description>"
                    "Artillery duels continued along the Oskil river on Monday.</description>"
                    "</item></channel></rss>")
    [document] = read_all(path)
    assert document.source == "untitled.rss"


# --- WARC -----------------------------------------------------------------------------

def _warc_bytes(*, compress: bool) -> bytes:
    """Four records: the article, a 404, an image and an undated page."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
    pages = [
        ("https://frontline.example.net/kherson", "200 OK", "text/html; charset=utf-8",
         ARTICLE.read_bytes()),
        ("https://frontline.example.net/missing", "404 Not Found", "text/html", b"<p>gone</p>"),
        ("https://frontline.example.net/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://sumy.example.org/night-attack", "200 OK", "text/html", UNDATED_PAGE),
    ]
    for uri, status, content_type, body in pages:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2023-06-01T12:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


def _check_warc_documents(docs: list[Document], path: Path) -> None:
    kherson, sumy = docs
    assert "substation in Kherson" in kherson.text
    assert kherson.url == "https://frontline.example.net/kherson"
    assert kherson.published == "2023-05-14"  # from the page, not the WARC-Date
    assert kherson.source == "frontline.example.net"
    assert kherson.origin == f"{path}#record-2"
    assert sumy.url == "https://sumy.example.org/night-attack"
    assert sumy.published == "2023-06-01"  # page has no date: WARC-Date
    assert sumy.origin == f"{path}#record-5"


def test_warc_html_responses_become_documents(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(_warc_bytes(compress=False))
    items = read_all(path)
    assert problems(items) == []
    _check_warc_documents(documents(items), path)


def test_warc_gz_is_read_record_by_record(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc_bytes(compress=True))
    items = read_all(path)
    assert problems(items) == []
    _check_warc_documents(documents(items), path)


def test_an_inflated_warc_gz_record_over_the_cap_is_reported_and_reading_goes_on(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    bulky = b"<html><body>" + b"<p>filler paragraph</p>" * 200_000 + b"</body></html>"
    for uri, body in (("https://bulky.example.net/", bulky),
                      ("https://frontline.example.net/kherson", ARTICLE.read_bytes())):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers))
    path = tmp_path / "bulky.warc.gz"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1_000_000 < len(bulky)  # small on disk, large inflated
    items = read_all(path, max_bytes=1_000_000)
    [problem] = problems(items)
    assert problem.where == f"{path}#record-1" and "too large" in problem.message
    assert [d.url for d in documents(items)] == ["https://frontline.example.net/kherson"]


def test_truncated_warc_gz_keeps_earlier_pages(tmp_path):
    data = _warc_bytes(compress=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 150])
    items = read_all(path, ARTICLE)
    [problem] = problems(items)
    assert problem.where == f"{path}#record-5" and "truncated" in problem.message
    assert [doc.origin for doc in documents(items)] == [f"{path}#record-2", str(ARTICLE)]


def test_truncated_plain_warc_keeps_earlier_pages(tmp_path):
    data = _warc_bytes(compress=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 200])
    items = read_all(path)
    [problem] = problems(items)
    assert problem.where == f"{path}#record-5" and "truncated" in problem.message
    assert len(documents(items)) == 1


def test_malformed_warc_record_is_reported_and_reading_resumes(tmp_path):
    data = _warc_bytes(compress=False)
    second = data.index(b"WARC/1.", 1)  # header of record 2 (the Kherson page)
    damaged = data[:second] + b"NOT A WARC HEADER\r\n" + data[second + len(b"WARC/1.0\r\n"):]
    path = tmp_path / "damaged.warc"
    path.write_bytes(damaged)
    items = read_all(path)
    [problem] = problems(items)
    assert problem.where == f"{path}#record-2" and "malformed WARC record" in problem.message
    [sumy] = documents(items)
    assert sumy.url == "https://sumy.example.org/night-attack"


def test_plain_warc_with_nul_bytes_in_image_and_gzip_encoded_records_is_read(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    records = [
        ("https://frontline.example.net/logo.png", [("Content-Type", "image/png")],
         b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"),
        ("https://sumy.example.org/night-attack",
         [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
         gzip.compress(UNDATED_PAGE)),
    ]
    for uri, http_headers, body in records:
        headers = StatusAndHeaders("200 OK", http_headers, protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers))
    path = tmp_path / "crawl.warc"
    path.write_bytes(buffer.getvalue())
    assert b"\x00" in path.read_bytes()
    items = read_all(path)
    assert problems(items) == []
    [page] = documents(items)
    assert page.url == "https://sumy.example.org/night-attack" and "Drones struck" in page.text


def test_warc_without_html_pages_is_reported(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("empty.warc", {"software": "tests"}))
    path = tmp_path / "info_only.warc"
    path.write_bytes(buffer.getvalue())
    [problem] = read_all(path)
    assert isinstance(problem, IngestProblem) and problem.where == str(path)
    assert "no HTML pages" in problem.message


def test_gzipped_html_is_decompressed_then_sniffed(tmp_path):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(ARTICLE.read_bytes()))
    [document] = read_all(path)
    assert document.title == "Strikes on Kherson leave city without power"


def test_corrupt_member_in_warc_gz_is_reported_and_reading_resumes(tmp_path):
    data = _warc_bytes(compress=True)
    second = data.index(b"\x1f\x8b\x08", 1)  # gzip member of record 2
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(data[: second + 40] + b"\x00garbage\xff" * 8 + data[second + 112:])
    items = read_all(path)
    [problem] = problems(items)
    assert problem.where == f"{path}#record-2" and "malformed WARC record" in problem.message
    assert problem.message.isprintable()
    assert [doc.origin for doc in documents(items)] == [f"{path}#record-5"]


def test_corrupt_gzip_is_one_problem(tmp_path):
    data = bytearray(gzip.compress(ARTICLE.read_bytes()))
    data[20:40] = b"\xff" * 20
    path = tmp_path / "page.html.gz"
    path.write_bytes(bytes(data))
    items = read_all(path, ARTICLE)
    [problem] = problems(items)
    assert problem.where == str(path) and "gzip" in problem.message
    assert len(documents(items)) == 1


def test_warc_response_without_target_uri_is_one_problem_and_the_batch_goes_on(tmp_path):
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + UNDATED_PAGE)
    record = (b"WARC/1.0\r\nWARC-Type: response\r\n"
              b"WARC-Record-ID: <urn:uuid:0b6d2a52-4f9e-4c1e-9d0a-2f2b8c1e7a11>\r\n"
              b"WARC-Date: 2025-06-01T00:00:00Z\r\n"
              b"Content-Type: application/http; msgtype=response\r\n"
              b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http + b"\r\n\r\n")
    (tmp_path / "a_no_uri.warc").write_bytes(record)
    (tmp_path / "b_report.txt").write_text("Shelling hit Nikopol overnight, the governor said.")
    items = read_all(tmp_path)
    assert [p.where for p in problems(items)] == [f"{tmp_path}/a_no_uri.warc#record-1"]
    assert [d.source for d in documents(items)] == ["b_report.txt"]


def test_a_warc_whose_only_page_is_too_large_says_so_once(tmp_path):
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    body = b"<html><body>" + b"<p>filler paragraph</p>" * 200_000 + b"</body></html>"
    writer.write_record(writer.create_warc_record(
        "https://bulky.example.net/", "response", payload=io.BytesIO(body), http_headers=headers))
    path = tmp_path / "only.warc.gz"
    path.write_bytes(buffer.getvalue())
    items = read_all(path, max_bytes=1_000_000)
    assert [p.message for p in problems(items)] == ["WARC record too large (over 1000000 bytes)"]
    assert documents(items) == []
