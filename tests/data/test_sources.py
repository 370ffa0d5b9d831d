"""Reading the data folder: every cell exactly as the file says it (an empty value stays empty, never 0 or NaN), each
source folder with its tables, and folders set aside (the trash of undone imports) never read back in."""

import re
import shutil

import pytest

from lnb_dash import config, names
from lnb_dash.data import sources


def test_the_shipped_folder_has_its_reference_lists_and_sources():
    reference = names.read_reference(config.DATA_DIR)
    assert {name: len(frame) for name, frame in reference.items() if name != "aliases"} == {"municipalities": 61, "counties": 12,
                                                                                           "former_units": 373}
    read = sources.read_sources(config.DATA_DIR)
    assert len(read) >= 10 and all(s.package.get("title") for s in read)
    assert all(list(s.observations.columns[:8]) == sources.OBSERVATION_COLUMNS for s in read if s.observations is not None)


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "data"
    shutil.copytree(config.DATA_DIR / "reference", root / "reference")
    source = root / "sources" / "one"
    source.mkdir(parents=True)
    (source / "datapackage.yaml").write_text("title: One\nresources:\n  - {name: observations, path: observations.csv}\n"
                                             "  - {name: extra, path: extra.csv}\n", encoding="utf-8")
    (source / "observations.csv").write_text(",".join(sources.OBSERVATION_COLUMNS) + "\n"
                                             "AL311,population,total,2011,007.50,value,false,\n"
                                             "AL221,population,total,2011,,not_reported,false,NA\n", encoding="utf-8")
    (source / "extra.csv").write_text("a\nNA\n", encoding="utf-8")
    for hidden in (".trash", "_drafts"):
        (root / "sources" / hidden / "old").mkdir(parents=True)
    return root


def test_cells_are_read_exactly_as_written_and_empty_stays_empty(folder):
    [source] = sources.read_sources(folder)
    rows = source.observations
    assert rows.value.tolist() == ["007.50", ""] and rows.note.tolist() == ["", "NA"]
    assert source.tables["extra"].a.tolist() == ["NA"] and source.source_id == "one"


def test_folders_set_aside_are_not_sources(folder):
    assert [p.name for p in sources.list_source_folders(folder)] == ["one"]
    assert sources.list_source_folders(folder / "nowhere") == []


# Hosts that serve copies of other sites' pages (mirrors, proxies, SEO farms): a reader must never be sent there as the source.
DENIED_HOSTS = {"websiteproxy.net", "prideseotools.com", "e-signaturehome.com", "artikeldigital.com", "defzone.net", "askwikinow.com",
                "hubbry.com", "pwojczyn.com", "wiki.av1.space", "hmongwiki.org", "kampuspedia.com", "bdmobi.com", "pages.dev",
                "wikiwand.com", "mediated.wiki", "wiki.x.io", "wikizero.net", "dewiki.de", "profilbaru.com", "worddisk.com",
                "wikisida.no", "dkwiki.dk", "annaci.best", "wikiblah.com", "encycloreader.org", "sigurime.online",
                "raw.githubusercontent.com"}
# Publications a reader can open and cite: Wikipedia in the article's language, the statistics office, the election commission,
# citypopulation.de and Urbistat (tabulations of INSTAT), the news sites that reported the release, the compilation's repository
# and the document host of INSTAT's 2011 county volume.
PUBLICATION_HOSTS = {"www.citypopulation.de", "www.instat.gov.al", "kqz.gov.al", "github.com", "www.starplus-tv.com", "javanews.al",
                     "abnase.com", "lajmifundit.al", "acp.al", "ugeo.urbistat.com", "yumpu.com"}


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname or ""


def test_every_shipped_value_cites_a_publication_and_never_a_mirror_or_proxy():
    cited = [s for s in sources.read_sources(config.DATA_DIR) if s.observations is not None and "citation_url" in s.observations]
    values = [(s.source_id, r) for s in cited for r in s.observations[s.observations.status == "value"].to_dict("records")]
    assert len(values) > 300
    for source_id, r in values:
        host = _host(r["citation_url"])
        assert not any(host == d or host.endswith("." + d) for d in DENIED_HOSTS), (source_id, r["area_code"], host)
        assert host in PUBLICATION_HOSTS or re.fullmatch(r"[a-z]{2,3}\.wikipedia\.org", host), (source_id, r["area_code"], host)
        assert r.get("read_at_url", "") != r["citation_url"], "read_at_url is only given when the copy is another address"


def test_census_2023_values_read_in_a_copy_keep_that_copy_apart_from_the_publication():
    [census] = [s for s in sources.read_sources(config.DATA_DIR) if s.source_id == "census2023_municipalities"]
    rows = census.observations.set_index(["area_code", "breakdown"])
    korce = rows.loc[("AL343", "total")]
    assert korce.citation_url == "https://de.wikipedia.org/wiki/Kor%C3%A7a" and _host(korce.read_at_url) == "websiteproxy.net"
    assert rows.loc[("AL334", "total")].read_at_url.startswith("https://wikizero.net/")
    assert rows.loc[("AL214", "total")].read_at_url == "", "read on citypopulation.de itself"
