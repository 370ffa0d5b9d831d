"""Municipal staff bring their own table, in Chromium and in Albanian: signed in with a password, they create a new
indicator on the upload page from a CSV written as staff write names, read the preview (each name and the place it
became), import it, find it with its source on the map, the profile and in the data package, and undo it.

The server works on its own copy of the data folder and its own secrets file, so nothing here touches the session's
shared database or another test's."""

import csv
import io
import os
import re
import subprocess
import sys
import zipfile

import pandas as pd
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from lnb_dash.data.accounts import account_line
from lnb_dash.query import db
from tests.browser.conftest import Visit
from tests.conftest import ROOT, copy_data
from tests.serving import free_port, wait_until_healthy

pytestmark = pytest.mark.browser
WAIT = 15_000  # ms for a state to appear after an action (CI runs two browser workers on two cores)
STAFF, PASSWORD = "Arta Hoxha", "a long enough password"
TABLE = "bashkia,viti,vlera\nBashkia Kamëz,2024,812\nkorca,2024,1204\nDIBER,2024,655\nFushe-Arrez,2024,97\nPustec,2024,41\n"
RESOLVED = [("Bashkia Kamëz", "Kamëz"), ("korca", "Korçë"), ("DIBER", "Dibër"), ("Fushe-Arrez", "Fushë-Arrëz"), ("Pustec", "Pustec")]
INDICATOR = "families_receiving_economic_assistance"
NAME_SQ = "Familje që marrin ndihmë ekonomike"
SOURCE_ID, SOURCE_TITLE, PUBLISHER = "ndihma_ekonomike_2024", "Ndihma ekonomike sipas bashkive, 2024", "Shërbimet sociale të bashkive"
FORM = [("Emri në shqip", NAME_SQ), ("Emri në anglisht", "Families receiving economic assistance"),
        ("Njësia në shqip", "familje"), ("Njësia në anglisht", "families"),
        ("Përkufizimi në shqip", "Familje që marrin ndihmë ekonomike në fund të vitit."),
        ("Përkufizimi në anglisht", "Families receiving economic assistance at the end of the year."),
        ("Emri i shkurtër i burimit (a-z, 0-9, _)", SOURCE_ID), ("Titulli i burimit", SOURCE_TITLE), ("Botuesi", PUBLISHER),
        ("Licenca", "CC-BY-4.0"), ("Data e referencës", "2024-12-31")]


@pytest.fixture(scope="module")
def staff_server(tmp_path_factory, shipped_db):
    """A dashboard on a writable copy of the data, with one staff account in its own secrets file: (url, db_path)."""
    folder = tmp_path_factory.mktemp("staff")
    data_dir, db_path = copy_data(folder / "data", shipped_db)
    secrets = folder / "secrets.toml"
    secrets.write_text("[upload_accounts]\n" + account_line(STAFF, PASSWORD) + "\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "LNB_DATA_DIR": str(data_dir), "LNB_DB_PATH": str(db_path)}
    process = subprocess.Popen([sys.executable, "-m", "lnb_dash.ui.serve", "--server.port", str(port), "--server.headless", "true",
                                "--secrets.files", str(secrets)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    if not wait_until_healthy(url, process):
        process.kill()
        pytest.fail("the staff dashboard did not start")
    yield url, db_path
    process.terminate()
    process.wait(timeout=20)


def choose(visit: Visit, label: str, option: str) -> None:
    """Pick ``option`` in the select box labelled ``label`` and wait until it shows. A run that ends meanwhile may
    redraw the box and close its list: then the list is opened again."""
    box = visit.page.get_by_label(label, exact=True)
    for _ in range(3):
        visit.wait_idle()
        box.click()
        choice = visit.page.get_by_role("option", name=option, exact=True)
        try:
            choice.click(timeout=WAIT)
            break
        except PlaywrightTimeoutError:
            visit.page.keyboard.press("Escape")
    visit.wait_idle()
    expect(box).to_have_value(option, timeout=WAIT)


def type_into(visit: Visit, label: str, text: str) -> None:
    """Type into the field labelled ``label``; leaving it (Tab) hands the value to the app, which then reruns."""
    box = visit.page.get_by_label(label, exact=True)
    box.fill(text)
    box.press("Tab")
    visit.wait_idle()
    expect(box).to_have_value(text, timeout=WAIT)


def sign_in(visit: Visit) -> None:
    page = visit.open("/upload?lang=sq")
    visit.wait_idle()
    page.get_by_label("Emri juaj", exact=True).fill(STAFF)
    page.get_by_label("Fjalëkalimi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Hyr", exact=True).click()
    expect(page.get_by_text(f"Keni hyrë si {STAFF}.")).to_be_visible(timeout=WAIT)
    visit.wait_idle()


def read_page(visit: Visit, path: str) -> str:
    visit.open(path)
    visit.wait_stable()
    return re.sub(r"[^\S\n]", " ", visit.page.locator("[data-testid=stMain]").inner_text())  # any space (1 204) as " "


def stored(db_path, sql: str) -> int:
    with db.connect(db_path) as con:
        return con.execute(sql, [INDICATOR]).fetchone()[0]


def test_staff_create_an_indicator_from_the_page_see_it_everywhere_and_undo_it(browser, staff_server, tmp_path):
    url, db_path = staff_server
    table = tmp_path / "ndihma_ekonomike.csv"
    table.write_text(TABLE, encoding="utf-8")
    staff, reader = Visit(browser, url), Visit(browser, url)
    try:
        sign_in(staff)
        page = staff.page
        page.locator("input[type=file]").set_input_files(table)
        expect(page.get_by_text("ndihma_ekonomike.csv")).to_be_visible(timeout=WAIT)
        staff.wait_idle()
        choose(staff, "Zgjidhni treguesin", "Tregues i ri…")
        for label, text in FORM:
            type_into(staff, label, text)
        choose(staff, "Lloji", "numër (mblidhet kur çdo pjesë ka vlerë)")
        choose(staff, "Tema", "Mbrojtja sociale")
        expect(page.get_by_text(f"mban emrin, njësinë dhe përkufizimin e treguesit «{NAME_SQ}»")).to_be_visible(timeout=WAIT)
        with page.expect_download(timeout=30_000) as download:
            page.get_by_role("button", name="Shablloni Excel", exact=True).click()
        sheet = pd.read_excel(download.value.path(), sheet_name="metadata", dtype=str)
        assert sheet.iloc[-3:].values.tolist() == [
            ["Treguesi / Indicator", NAME_SQ, "Families receiving economic assistance"], ["Njësia / Unit", "familje", "families"],
            ["Përkufizimi / Definition", FORM[4][1], FORM[5][1]]], "the template carries the indicator being created"
        page.get_by_role("button", name="Kontrollo", exact=True).click()

        expect(page.get_by_text("Paraparje: asgjë nuk ka ndryshuar ende.")).to_be_visible(timeout=WAIT)
        expect(page.locator("[data-testid=stText]")).to_contain_text(f"tregues i ri: {NAME_SQ}", timeout=WAIT)
        preview = page.locator("[data-testid=stDataFrame]").first
        expect(preview.locator("tbody tr")).to_have_count(5, timeout=WAIT)
        headings = preview.locator("thead th").all_inner_texts()
        rows = [row.locator("td").all_inner_texts() for row in preview.locator("tbody tr").all()]
        written, place, level = (headings.index(h) for h in ("Si është shkruar në skedar", "Vendi", "Niveli"))
        assert [(r[written], r[place]) for r in rows] == RESOLVED
        assert {r[level] for r in rows} == {"Bashki"} and {r[headings.index("Çfarë ndodh")] for r in rows} == {"shtohet"}
        assert stored(db_path, "SELECT count(*) FROM indicators WHERE indicator_id = ?") == 0, "nothing changes before Konfirmo"

        page.get_by_role("button", name="Konfirmo importin", exact=True).click()
        expect(page.get_by_text(f"U importua {SOURCE_ID}.")).to_be_visible(timeout=WAIT)
        assert stored(db_path, "SELECT count(*) FROM observations WHERE indicator_id = ? AND status = 'value'") == 5

        # A reader (another browser session) sees it on the map, the profile and in the data package, with its source.
        text = read_page(reader, f"/map?indicator={INDICATOR}&lang=sq")
        reader.wait_for_map()
        assert f"{NAME_SQ}, 2024" in text and "5 nga 61 bashki kanë të dhëna për 2024" in text
        assert f"Burimi: {PUBLISHER}, {SOURCE_TITLE} (2024-12-31). Licenca: CC-BY-4.0" in text
        text = read_page(reader, "/profile?m=AL343&lang=sq")
        assert any("1 204 familje" in line and "5 nga 61 kanë vlerë" in line for line in text.splitlines()), "Korçë's row, no rank"
        assert f"{PUBLISHER}, {SOURCE_TITLE}" in text
        read_page(reader, f"/data?indicator={INDICATOR}&lang=sq")
        with reader.page.expect_download(timeout=30_000) as download:
            reader.page.get_by_role("button", name="Të gjitha të dhënat (zip)").click()
        package = zipfile.ZipFile(download.value.path())
        indicators = {r["indicator_id"]: r for r in csv.DictReader(io.StringIO(package.read("indicators.csv").decode("utf-8")))}
        assert indicators[INDICATOR]["name_sq"] == NAME_SQ
        values = {r["area_code"]: r["value"] for r in csv.DictReader(io.StringIO(package.read("observations.csv").decode("utf-8")))
                  if r["indicator_id"] == INDICATOR and r["source_id"] == SOURCE_ID and r["value"]}
        assert {code: float(v) for code, v in values.items() if code in ("AL221", "AL343", "AL112", "AL151", "AL346")} == {
            "AL221": 812, "AL343": 1204, "AL112": 655, "AL151": 97, "AL346": 41}
        sources = {r["source_id"]: r for r in csv.DictReader(io.StringIO(package.read("sources.csv").decode("utf-8")))}
        assert sources[SOURCE_ID]["title"] == SOURCE_TITLE and sources[SOURCE_ID]["publisher"] == PUBLISHER

        # Undo, back in the staff member's tab (a reload would ask for the password again).
        choose(staff, "Zhbëj importin", SOURCE_ID)
        page.get_by_role("button", name="Zhbëj importin", exact=True).click()
        expect(page.get_by_text(f"Importi {SOURCE_ID} u zhbë")).to_be_visible(timeout=WAIT)
        assert stored(db_path, "SELECT count(*) FROM indicators WHERE indicator_id = ?") == 0
        assert stored(db_path, "SELECT count(*) FROM observations WHERE indicator_id = ?") == 0
        text = read_page(reader, "/profile?m=AL343&lang=sq")
        assert "Korçë" in text and NAME_SQ not in text
        assert staff.blocked == [] and reader.blocked == []
    finally:
        staff.close()
        reader.close()
