"""The app's inline scripts are fixed texts the nginx Content-Security-Policy allows by hash, and nothing else."""

import base64
import hashlib

from lnb_dash.ops import deploy, page_scripts


def test_every_page_script_is_allowed_by_its_hash_in_the_policy(tmp_path):
    page, _frames = deploy.script_sources(tmp_path)
    for text in page_scripts.ALL:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in page
    assert "'unsafe-inline'" not in page


def test_what_varies_travels_in_attributes_so_the_script_stays_the_one_hashed():
    from lnb_dash.render import accessibility

    one, other = (accessibility.map_frame_html("map.folium", title, "sq") for title in ("Hartë e popullsisë", "Harta e votuesve"))
    script = page_scripts.script_tag(page_scripts.MAP_FRAME)
    assert one != other and one.endswith(script) and other.endswith(script)
