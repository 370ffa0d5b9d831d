"""Files other processes may read are replaced in one step: a reader never meets half a file or a leftover."""

from lnb_dash.ops.files import write_atomically


def test_a_file_is_written_whole_in_a_new_folder_and_replaced_leaving_no_temporary_file(tmp_path):
    target = tmp_path / "static" / "geo" / "areas.json"
    write_atomically(target, '{"ë": 1}')
    assert target.read_text(encoding="utf-8") == '{"ë": 1}'
    write_atomically(target, b"\x1f\x8b new")
    assert target.read_bytes() == b"\x1f\x8b new"
    assert sorted(p.name for p in target.parent.iterdir()) == ["areas.json"]


def test_the_same_content_is_not_written_again(tmp_path):
    target = tmp_path / "index.html"
    write_atomically(target, "same")
    before = target.stat().st_mtime_ns, target.stat().st_ino
    write_atomically(target, "same")
    assert (target.stat().st_mtime_ns, target.stat().st_ino) == before
