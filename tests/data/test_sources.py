"""Reading the data folder: every cell exactly as the file says it (an empty value stays empty, never 0 or NaN), each
source folder with its tables, and folders set aside (the trash of undone imports) never read back in."""

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
