"""Albanian and English: every label, number format and generated sentence.

Numbers go through Babel (``1 234,5`` in Albanian, ``1,234.5`` in English); labels come from
:data:`LABELS`. A test checks that every key has both languages.
"""

from __future__ import annotations

import math

import pandas as pd
from babel.numbers import format_decimal

from lnb_dash.config import LANGS

DEFAULT_LANG = "sq"
LOCALES = {"sq": "sq_AL", "en": "en_GB"}

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"sq": "Askush të mos mbetet pas: të dhëna për bashkitë", "en": "Leave No One Behind: municipal data"},
    "language": {"sq": "Gjuha", "en": "Language"},
    # Pages
    "page_overview": {"sq": "Përmbledhje", "en": "Overview"},
    "page_map": {"sq": "Harta", "en": "Map"},
    "page_profile": {"sq": "Profili i bashkisë", "en": "Municipality profile"},
    "page_trends": {"sq": "Tendencat", "en": "Trends"},
    "page_compare": {"sq": "Krahaso", "en": "Compare"},
    "page_programme": {"sq": "Rezultatet e programit", "en": "Programme results"},
    "page_data": {"sq": "Të dhënat dhe burimet", "en": "Data and sources"},
    "page_present": {"sq": "Prezantimi", "en": "Presentation"},
    "previous": {"sq": "Mbrapa", "en": "Previous"},
    "next": {"sq": "Para", "en": "Next"},
    "exit_presentation": {"sq": "Dil nga prezantimi", "en": "Leave the presentation"},
    "step_of": {"sq": "{story} · hapi {step} nga {n}", "en": "{story} · step {step} of {n}"},
    "present_hint": {"sq": "Shigjetat ← → kalojnë nga një hap në tjetrin.", "en": "The ← → arrow keys step through the story."},
    "no_story": {"sq": "Nuk ka histori prezantimi në data/stories.", "en": "There is no presentation story in data/stories."},
    "page_upload": {"sq": "Ngarko të dhëna", "en": "Upload data"},
    "upload_disabled": {
        "sq": "Ngarkimi nuk është aktivizuar. Administratori duhet të vendosë në `.streamlit/secrets.toml` një ofrues hyrjeje "
              "(seksioni `[auth]` i `st.login`) ose një fjalëkalim (`upload_password`). Deri atëherë kjo faqe nuk pranon asgjë.",
        "en": "Uploading is not enabled. An administrator must configure a sign-in provider (the `[auth]` section of `st.login`) "
              "or a password (`upload_password`) in `.streamlit/secrets.toml`. Until then this page accepts nothing.",
    },
    "sign_in": {"sq": "Hyr", "en": "Sign in"},
    "sign_in_oidc": {"sq": "Hyr me llogarinë e punës", "en": "Sign in with your work account"},
    "sign_out": {"sq": "Dil", "en": "Sign out"},
    "your_name": {"sq": "Emri juaj", "en": "Your name"},
    "password": {"sq": "Fjalëkalimi", "en": "Password"},
    "wrong_password": {"sq": "Emri ose fjalëkalimi nuk është i saktë.", "en": "Wrong name or password."},
    "not_allowed": {"sq": "Kjo llogari nuk ka leje ngarkimi.", "en": "This account may not upload."},
    "signed_in_as": {"sq": "Keni hyrë si {user}.", "en": "Signed in as {user}."},
    "step_template": {"sq": "1. Shkarkoni shabllonin", "en": "1. Download the template"},
    "step_upload": {"sq": "2. Ngarkoni tabelën dhe përshkruani burimin", "en": "2. Upload the table and describe its source"},
    "step_check": {"sq": "3. Kontrolli", "en": "3. Check"},
    "template_csv": {"sq": "Shablloni CSV", "en": "Template CSV"},
    "template_xlsx": {"sq": "Shablloni Excel", "en": "Template Excel"},
    "table_file": {"sq": "Tabela (CSV ose XLSX)", "en": "Table (CSV or XLSX)"},
    "existing_indicator": {"sq": "Treguesi", "en": "Indicator"},
    "source_title": {"sq": "Titulli i burimit", "en": "Source title"},
    "source_publisher": {"sq": "Botuesi", "en": "Publisher"},
    "source_url": {"sq": "Adresa e burimit (URL)", "en": "Source address (URL)"},
    "source_license": {"sq": "Licenca", "en": "License"},
    "source_date": {"sq": "Data e referencës", "en": "Reference date"},
    "source_id": {"sq": "Emri i shkurtër i burimit (a-z, 0-9, _)", "en": "Short source name (a-z, 0-9, _)"},
    "check_button": {"sq": "Kontrollo", "en": "Check"},
    "problems_found": {"sq": "U gjetën {n} probleme; asgjë nuk u ndryshua.", "en": "{n} problem(s) found; nothing was changed."},
    "ready_to_import": {"sq": "Tabela kaloi kontrollin. Do të shtohen:", "en": "The table passed the check. It would add:"},
    "confirm_import": {"sq": "Konfirmo importin", "en": "Confirm the import"},
    "imported": {"sq": "U importua {source}.", "en": "Imported {source}."},
    "history": {"sq": "Historiku i importeve", "en": "Import history"},
    "undo": {"sq": "Zhbëj importin", "en": "Undo the import"},
    "undone": {"sq": "Importi {source} u zhbë (dosja u ruajt në data/.trash).", "en": "Import {source} undone (its folder is kept in data/.trash)."},
    "no_history": {"sq": "Ende nuk ka importe.", "en": "No imports yet."},
    "import_in_progress": {"sq": "Një import tjetër është në proces (nisur nga {user}, më {at}); provoni përsëri pas një minute.",
                           "en": "Another import is in progress (started by {user}, at {at}); try again in a minute."},
    "unknown_user": {"sq": "një proces i panjohur", "en": "an unknown process"},
    "unknown_time": {"sq": "një kohë të panjohur", "en": "an unknown time"},
    "embed_link": {"sq": "Hapeni në panel", "en": "Open in the dashboard"},
    # Common
    "indicator": {"sq": "Treguesi", "en": "Indicator"},
    "year": {"sq": "Viti", "en": "Year"},
    "breakdown": {"sq": "Ndarja", "en": "Breakdown"},
    "municipality": {"sq": "Bashkia", "en": "Municipality"},
    "municipalities": {"sq": "Bashkitë", "en": "Municipalities"},
    "county": {"sq": "Qarku", "en": "County"},
    "albania": {"sq": "Shqipëria", "en": "Albania"},
    "value": {"sq": "Vlera", "en": "Value"},
    "unit": {"sq": "Njësia", "en": "Unit"},
    "status": {"sq": "Statusi", "en": "Status"},
    "rank": {"sq": "Renditja", "en": "Rank"},
    "source": {"sq": "Burimi", "en": "Source"},
    "sources": {"sq": "Burimet", "en": "Sources"},
    "license": {"sq": "Licenca", "en": "License"},
    "publisher": {"sq": "Botuesi", "en": "Publisher"},
    "caveats": {"sq": "Kujdes", "en": "Caveats"},
    "retrieved": {"sq": "Marrë më", "en": "Retrieved"},
    "reference_date": {"sq": "Data e referencës", "en": "Reference date"},
    "download_csv": {"sq": "CSV", "en": "CSV"},
    "download_xlsx": {"sq": "Excel", "en": "Excel"},
    "download_pdf": {"sq": "Profili në PDF (A4)", "en": "Profile as PDF (A4)"},
    "download_package": {"sq": "Të gjitha të dhënat (zip)", "en": "All data (zip)"},
    "picture_map": {"sq": "Harta", "en": "Map"},
    "picture_chart": {"sq": "Grafiku", "en": "Chart"},
    "downloads": {"sq": "Shkarko", "en": "Download"},
    "table": {"sq": "Tabela", "en": "Table"},
    "comparison": {"sq": "Krahasimi", "en": "Comparison"},
    "trend": {"sq": "Ecuria", "en": "Trend"},
    "theme": {"sq": "Tema", "en": "Theme"},
    "definition": {"sq": "Përkufizimi", "en": "Definition"},
    "computed": {"sq": "llogaritur", "en": "computed"},
    "break_in_series": {"sq": "ndërprerje në seri", "en": "break in series"},
    "breakdown_total": {"sq": "Gjithsej", "en": "Total"},
    "breakdown_female": {"sq": "Gra", "en": "Women"},
    "breakdown_male": {"sq": "Burra", "en": "Men"},
    "breakdown_age_0_14": {"sq": "Mosha 0–14", "en": "Age 0–14"},
    "breakdown_age_15_64": {"sq": "Mosha 15–64", "en": "Age 15–64"},
    "breakdown_age_65_plus": {"sq": "Mosha 65+", "en": "Age 65+"},
    "citation": {"sq": "Ku u lexua", "en": "Where it was read"},
    "coverage_by_level": {"sq": "Mbulimi sipas nivelit: zona me të dhëna (bashki, qarqe, Shqipëria) sipas treguesit dhe vitit",
                          "en": "Coverage by level: areas with data (municipalities, counties, Albania) by indicator and year"},
    "coverage_by_level_note": {"sq": "Çdo qelizë: sa zona kanë vlerë, nga sa gjithsej. Seritë e gjata ekzistojnë vetëm për qarqet.",
                               "en": "Each cell: how many areas have a value, out of how many. The long series exist only for counties."},
    "level": {"sq": "Niveli", "en": "Level"},
    "level_municipality": {"sq": "Bashki", "en": "Municipalities"},
    "level_county": {"sq": "Qarqe", "en": "Counties"},
    "level_national": {"sq": "Shqipëria", "en": "Albania"},
    "status_value": {"sq": "Vlerë", "en": "Value"},
    "status_not_reported": {"sq": "Pa të dhëna", "en": "Not reported"},
    "status_suppressed": {"sq": "E fshehur (numër i vogël)", "en": "Suppressed (small number)"},
    "status_not_applicable": {"sq": "Nuk aplikohet", "en": "Not applicable"},
    "theme_demography": {"sq": "Demografia", "en": "Demography"},
    "theme_territory": {"sq": "Territori", "en": "Territory"},
    "theme_civic_participation": {"sq": "Pjesëmarrja qytetare", "en": "Civic participation"},
    "theme_social_protection": {"sq": "Mbrojtja sociale", "en": "Social protection"},
    "theme_municipal_budget": {"sq": "Buxheti vendor", "en": "Municipal budget"},
    "theme_lnb_programme": {"sq": "Programi LNB", "en": "LNB programme"},
    "boundary_attribution": {
        "sq": "Kufijtë e bashkive: © kontribuesit e OpenStreetMap (ODbL 1.0), nëpërmjet Mapzen Borders dhe Albania Election Data "
              "(Koalicioni i Vëzhguesve Vendas & Democracy International, CC BY-SA 4.0); thjeshtuar nga paneli LNB.",
        "en": "Municipal boundaries: © OpenStreetMap contributors (ODbL 1.0), via Mapzen Borders and Albania Election Data "
              "(Coalition of Domestic Observers & Democracy International, CC BY-SA 4.0); simplified by the LNB dashboard.",
    },
    "legend_priority": {"sq": "Bashki prioritare e LNB", "en": "LNB priority municipality"},
    "legend_other": {"sq": "Bashki tjetër", "en": "Other municipality"},
    "open_profile_search": {"sq": "Hapni profilin e një bashkie", "en": "Open a municipality's profile"},
    "legend_county_line": {"sq": "Kufi qarku", "en": "County border"},
    "legend_priority_outline": {"sq": "Bashki prioritare e LNB (kufi i trashë)", "en": "LNB priority municipality (thick outline)"},
    "download_map_html": {"sq": "Hartë interaktive (HTML)", "en": "Interactive map (HTML)"},
    "boundary_attribution_short": {"sq": "Kufijtë: © kontribuesit e OpenStreetMap (ODbL)", "en": "Boundaries: © OpenStreetMap contributors (ODbL)"},
    # Map page
    "classification": {"sq": "Klasifikimi", "en": "Classification"},
    "scheme_quantiles": {"sq": "Kuantile", "en": "Quantiles"},
    "scheme_natural_breaks": {"sq": "Ndarje natyrore", "en": "Natural breaks"},
    "scheme_equal_interval": {"sq": "Intervale të barabarta", "en": "Equal intervals"},
    "scheme_diverging": {"sq": "Krahasuar me Shqipërinë", "en": "Compared with Albania"},
    "classes": {"sq": "Numri i klasave", "en": "Number of classes"},
    "n_classes": {"sq": "{k} klasa", "en": "{k} classes"},
    "n_classes_one": {"sq": "{k} klasë", "en": "{k} class"},
    "fewer_classes": {"sq": "vetëm {k} të mundshme me këto vlera", "en": "only {k} possible with these values"},
    "national_not_drawn": {"sq": "Shqipëria nuk vizatohet: totali kombëtar ({value}) nuk është në të njëjtën shkallë me bashkitë. "
                                 "Zgjidhni \"Indeksuar\" për të krahasuar ndryshimin.",
                           "en": "Albania is not drawn: the national total ({value}) is not on the same scale as municipalities. "
                                 "Choose \"Indexed\" to compare change."},
    "highlight_priority": {"sq": "Thekso 24 bashkitë prioritare të LNB", "en": "Highlight the 24 LNB priority municipalities"},
    "basemap": {"sq": "Hartë sfondi në internet (OpenStreetMap)", "en": "Online basemap (OpenStreetMap)"},
    "legend": {"sq": "Legjenda", "en": "Legend"},
    "ranked_bar": {"sq": "Renditja e 61 bashkive", "en": "All 61 municipalities ranked"},
    "coverage_note": {"sq": "{n} nga 61 bashki kanë të dhëna për {year}.", "en": "{n} of 61 municipalities have data for {year}."},
    "map_alt": {"sq": "Hartë e {indicator} sipas bashkive, {year}. E njëjta e dhënë jepet në tabelë më poshtë.",
                "en": "Map of {indicator} by municipality, {year}. The same data is in the table below."},
    "click_hint": {"sq": "Klikoni një bashki në hartë për të hapur profilin e saj.", "en": "Click a municipality on the map to open its profile."},
    "national_value": {"sq": "Shqipëria: {value}", "en": "Albania: {value}"},
    "above_national": {"sq": "mbi nivelin kombëtar", "en": "above Albania"},
    "below_national": {"sq": "nën nivelin kombëtar", "en": "below Albania"},
    "near_national": {"sq": "afër nivelit kombëtar", "en": "close to Albania"},
    "no_national": {"sq": "Nuk ka vlerë kombëtare për këtë pamje; zgjidhet klasifikimi me kuantile.",
                    "en": "There is no national value for this view; quantiles are used instead."},
    "of_n": {"sq": "vendi i {rank} nga {n}", "en": "{rank} of {n}"},
    # Profile page
    "choose_municipality": {"sq": "Zgjidhni bashkinë (kërkoni me ose pa ë, ç)", "en": "Choose a municipality (search with or without ë, ç)"},
    "key_facts": {"sq": "Faktet kryesore", "en": "Key facts"},
    "population": {"sq": "Popullsia", "en": "Population"},
    "area": {"sq": "Sipërfaqja", "en": "Area"},
    "density": {"sq": "Dendësia", "en": "Density"},
    "density_unit": {"sq": "banorë/km²", "en": "inhabitants/km²"},
    "density_note": {"sq": "llogaritur: popullsia {year} / sipërfaqja", "en": "computed: population {year} / area"},
    "urbanisation": {"sq": "Urbanizimi", "en": "Urbanisation"},
    "coastal": {"sq": "Bregdetare", "en": "Coastal"},
    "lnb_priority": {"sq": "Bashki prioritare e LNB", "en": "LNB priority municipality"},
    "lnb_activities": {"sq": "Çfarë bëri LNB këtu", "en": "What LNB did here"},
    "no_lnb_activities": {"sq": "Nuk ka të dhëna publike për aktivitete të LNB në këtë bashki.",
                          "en": "No public record of LNB activities in this municipality."},
    "all_indicators": {"sq": "Të gjithë treguesit", "en": "All indicators"},
    "in_words": {"sq": "Me fjalë", "en": "In words"},
    "county_value": {"sq": "Qarku", "en": "County"},
    "national": {"sq": "Shqipëria", "en": "Albania"},
    "times_national_rate": {"sq": "{ratio} herë niveli kombëtar", "en": "{ratio} times the national rate"},
    "share_of_national": {"sq": "{share} e totalit kombëtar", "en": "{share} of the national total"},
    "nth_of_n": {"sq": "vendi i {rank} nga {n} bashki", "en": "{ordinal} of {n} municipalities"},
    "not_reported_sentence": {"sq": "Nuk ka të dhëna për këtë bashki.", "en": "No data reported for this municipality."},
    "map_unavailable": {"sq": "Harta nuk u ngarkua. Të njëjtat të dhëna janë në tabelë.",
                        "en": "The map could not be loaded. The same figures are in the table."},
    "locator_alt": {"sq": "Vendndodhja e {name} në Shqipëri", "en": "Location of {name} in Albania"},
    "print_hint": {"sq": "Për ta printuar, përdorni Ctrl+P: faqja printohet pa menu.", "en": "To print, use Ctrl+P: the page prints without menus."},
    # Trends
    "choose_municipalities": {"sq": "Bashkitë", "en": "Municipalities"},
    "show_national": {"sq": "Trego Shqipërinë", "en": "Show Albania"},
    "show_county": {"sq": "Trego qarqet e tyre", "en": "Show their counties"},
    "indexed": {"sq": "Indeks (viti i parë = 100)", "en": "Indexed (first year = 100)"},
    "absolute": {"sq": "Vlera absolute", "en": "Absolute values"},
    "scale": {"sq": "Shkalla", "en": "Scale"},
    "one_year_only": {"sq": "Ky tregues ka vetëm një vit; nuk ka tendencë për të treguar.",
                      "en": "This indicator has a single year; there is no trend to show."},
    "break_note": {"sq": "Rrathët e zbrazët shënojnë një ndërprerje në seri: vlera nuk krahasohet me vitin e mëparshëm.",
                   "en": "Hollow points mark a break in series: the value is not comparable with the year before."},
    "chart_alt": {"sq": "Grafik i {indicator}; të njëjtat të dhëna janë në tabelë.", "en": "Chart of {indicator}; the same data is in the table."},
    # Compare
    "unknown_place": {"sq": "„{text}” nuk është emër bashkie që e njohim: nuk po tregojmë një bashki tjetër në vend të saj.",
                      "en": "“{text}” is not a municipality we know: we are not showing another one in its place."},
    "search_place_placeholder": {"sq": "Shkruani një emër ose kod (p.sh. korca, Kamza, AL221)",
                                 "en": "Type a name or code (e.g. korca, Kamza, AL221)"},
    "did_you_mean": {"sq": "Mos keni parasysh:", "en": "Did you mean:"},
    "unknown_place_hint": {"sq": "Shkruani emrin (me ose pa ë, ç) ose kodin LAU (p.sh. AL221) te zgjedhja e bashkisë.",
                           "en": "Type the name (with or without ë, ç) or the LAU code (e.g. AL221) in the municipality picker."},
    "unknown_indicator": {"sq": "„{text}” nuk është tregues që e njohim. Më të afërtit:",
                          "en": "“{text}” is not an indicator we know. The closest ones:"},
    "indicator_not_here": {"sq": "„{name}” ka të dhëna për një vit të vetëm, ndaj nuk ka tendencë. Shikojeni në hartë:",
                           "en": "“{name}” has data for one year only, so it has no trend. See it on the map:"},
    "table_page": {"sq": "Faqja (nga {n})", "en": "Page (of {n})"},
    "rows_page": {"sq": "Rreshtat {first}–{last} nga {n}; CSV dhe Excel i kanë të gjithë.",
                  "en": "Rows {first}–{last} of {n}; the CSV and Excel files hold them all."},
    "compare_too_many": {"sq": "Krahasohen deri në {n} bashki: u morën të parat {n} nga adresa.",
                         "en": "Up to {n} municipalities are compared: the first {n} in the address were taken."},
    "compare_help": {"sq": "Zgjidhni 2 deri në 6 bashki.", "en": "Choose 2 to 6 municipalities."},
    "compare_too_few": {"sq": "Zgjidhni të paktën 2 bashki për t'i krahasuar.", "en": "Choose at least 2 municipalities to compare."},
    # Programme
    "programme_intro": {
        "sq": "Rezultatet e programit LNB sipas dy fletëpalosjeve publike: pas vitit të dytë (2019) dhe në fund të fazës së parë (2021).",
        "en": "LNB results as reported in the two public factsheets: after the second year (2019) and at the end of phase 1 (2021).",
    },
    "measure": {"sq": "Masa", "en": "Measure"},
    "change": {"sq": "Ndryshimi", "en": "Change"},
    "priority_map": {"sq": "24 bashkitë prioritare", "en": "The 24 priority municipalities"},
    "priority_resolution": {"sq": "Si u lexua lista e bashkive prioritare", "en": "How the priority list was read"},
    "programme_facts": {"sq": "Fakte të tjera të programit", "en": "Other programme facts"},
    "as_stated": {"sq": "Siç shkruhet", "en": "As stated"},
    "document": {"sq": "Dokumenti", "en": "Document"},
    # Data
    "observations": {"sq": "Vëzhgimet", "en": "Observations"},
    "boundaries": {"sq": "Kufijtë", "en": "Boundaries"},
    "all": {"sq": "Të gjitha", "en": "All"},
    "rows_shown": {"sq": "{n} rreshta", "en": "{n} rows"},
    # Overview
    "overview_intro": {
        "sq": "Ky panel tregon të dhëna publike për përfshirjen sociale në 61 bashkitë e Shqipërisë, për programin e OKB-së "
              "'Askush të mos mbetet pas' (LNB: UNDP, UNFPA, UNICEF, UN Women; financuar nga SDC zvicerane). "
              "Çdo numër ka burimin e vet; mungesa tregohet si mungesë, kurrë si 0.",
        "en": "This dashboard shows public social-inclusion data for Albania's 61 municipalities, for the UN joint programme "
              "'Leave No One Behind' (LNB: UNDP, UNFPA, UNICEF, UN Women; funded by the Swiss SDC). "
              "Every number has its source; missing data is shown as missing, never as 0.",
    },
    "for_whom": {"sq": "Për kë", "en": "For whom"},
    "for_whom_text": {
        "sq": "- **Prezantuesit** në komitetet drejtuese: harta dhe grafikë të qartë që punojnë pa internet.\n"
              "- **Stafi i bashkive**: profili i bashkisë suaj, në shqip, i printueshëm dhe i krahasueshëm.\n"
              "- **Gazetarët**: burimi i çdo numri, shkarkime dhe lidhje që mund të ndahen.",
        "en": "- **Presenters** at steering committees: clear maps and charts that work offline.\n"
              "- **Municipal staff**: your municipality's profile, in Albanian, printable and comparable.\n"
              "- **Journalists**: the source of every number, downloads and shareable links.",
    },
    "headline_results": {"sq": "Rezultatet kryesore të LNB", "en": "LNB headline results"},
    "where_to_start": {"sq": "Ku të filloni", "en": "Where to start"},
    "as_of": {"sq": "deri në {year}", "en": "as of {year}"},
    "db_unavailable": {"sq": "Baza e të dhënave nuk është gati.", "en": "The database is not available."},
    # Profile: spine chart, similar municipalities, phone and print layouts (issue 14)
    "rank_highest": {"sq": "{ordinal} më e lartë nga {n}", "en": "{ordinal} highest of {n}"},
    "rank_highest_1": {"sq": "më e larta nga {n}", "en": "highest of {n}"},
    "rank_lowest": {"sq": "{ordinal} më e ulët nga {n}", "en": "{ordinal} lowest of {n}"},
    "rank_lowest_1": {"sq": "më e ulëta nga {n}", "en": "lowest of {n}"},
    "points_vs_albania": {"sq": "{points} pikë përqindjeje ndaj Shqipërisë", "en": "{points} points compared with Albania"},
    "same_category": {"sq": "{k} nga {n} bashki kanë të njëjtën vlerë", "en": "{k} of {n} municipalities have the same value"},
    "range_text": {"sq": "{n} bashki: nga {low} deri në {high}; gjysma e mesme {q1} – {q3}",
                   "en": "{n} municipalities: from {low} to {high}; middle half {q1} – {q3}"},
    "spine_range": {"sq": "Shtrirja e bashkive", "en": "Range of municipalities"},
    "spine_heading": {"sq": "Ku qëndron bashkia: të gjithë treguesit", "en": "Where the municipality stands: every indicator"},
    "spine_intro": {
        "sq": "Çdo rresht tregon shtrirjen e bashkive për atë tregues: vija shkon nga më e ulëta te më e larta, pjesa e hijezuar "
              "është gjysma e mesme. Pika është kjo bashki, e ngjyrosur sipas pesëshes (nga e pesta më e ulët te e pesta më e lartë); "
              "vija e zezë vertikale është Shqipëria dhe rombi gri është qarku, vetëm për normat dhe përqindjet (një total kombëtar "
              "nuk është në të njëjtën shkallë). Renditja thotë gjithmonë nëse numërohet nga më e larta apo nga më e ulëta.",
        "en": "Each row shows the range of municipalities for that indicator: the line runs from the lowest to the highest, the "
              "shaded part is the middle half. The dot is this municipality, coloured by its quintile (lowest fifth to highest fifth); "
              "the black upright line is Albania and the grey diamond the county, for rates and shares only (a national total is not "
              "on the same scale). The rank always says whether it counts from the highest or the lowest.",
    },
    "quintile_legend": {"sq": "Pesëshja e bashkisë:", "en": "The municipality's quintile:"},
    "quintile_1": {"sq": "e pesta më e ulët", "en": "lowest fifth"},
    "quintile_5": {"sq": "e pesta më e lartë", "en": "highest fifth"},
    "quintile_n": {"sq": "pesëshja {q} nga 5", "en": "quintile {q} of 5"},
    "spine_caption": {"sq": "Treguesit e {name} krahasuar me 61 bashkitë", "en": "{name}'s indicators compared with the 61 municipalities"},
    "legend_albania": {"sq": "Shqipëria", "en": "Albania"},
    "legend_county": {"sq": "Qarku", "en": "County"},
    "legend_middle": {"sq": "gjysma e mesme e bashkive", "en": "middle half of municipalities"},
    "similar_heading": {"sq": "Bashki të ngjashme", "en": "Similar municipalities"},
    "similar_intro": {"sq": "Pesë bashkitë më të ngjashme me {name}, sipas madhësisë, dendësisë, urbanizimit, bregdetit dhe qarkut.",
                      "en": "The five municipalities most like {name} by size, density, urbanisation, coast and county."},
    "similar_compare": {"sq": "Krahaso {name} me këto pesë", "en": "Compare {name} with these five"},
    "distance": {"sq": "Largësia", "en": "Distance"},
    "similar_missing": {"sq": "pa: {variables}", "en": "without: {variables}"},
    "similar_method_heading": {"sq": "Si llogaritet ngjashmëria", "en": "How similarity is measured"},
    "similar_method": {
        "sq": "Largësia midis dy bashkive është rrënja katrore e shumës së peshuar të katrorëve të diferencave në pesë ndryshore "
              "që baza i ka për të 61 bashkitë: popullsia në regjistrimin e {year} (logaritmi, si pikë z; pesha {log_population}), "
              "dendësia = popullsia {year} / sipërfaqja (logaritmi, si pikë z; pesha {log_density}), shkalla e urbanizimit "
              "(1 nëse ndryshon, përndryshe 0; pesha {degurba}), bregdetare (1 nëse ndryshon; pesha {coastal}) dhe qarku "
              "(1 nëse ndryshon; pesha {county}). Pika z: (x − mesatarja) / devijimi standard mbi 61 bashkitë. Një ndryshore që "
              "mungon lihet jashtë dhe shuma shkallëzohet me peshën e përdorur. Tregohen {k} më të afërtat; largësia 0 do të thoshte "
              "të njëjta në çdo ndryshore.",
        "en": "The distance between two municipalities is the square root of the weighted sum of squared differences on five variables "
              "the database holds for all 61 municipalities: population at the {year} census (logarithm, as a z-score; weight "
              "{log_population}), density = population {year} / area (logarithm, as a z-score; weight {log_density}), degree of "
              "urbanisation (1 if different, else 0; weight {degurba}), coastal (1 if different; weight {coastal}) and county "
              "(1 if different; weight {county}). z-score: (x − mean) / standard deviation over the 61 municipalities. A missing "
              "variable is left out and the sum scaled by the weight used. The {k} nearest are shown; a distance of 0 would mean "
              "alike on every variable.",
    },
    "var_log_population": {"sq": "popullsia", "en": "population"},
    "var_log_density": {"sq": "dendësia", "en": "density"},
    "var_degurba": {"sq": "urbanizimi", "en": "urbanisation"},
    "var_coastal": {"sq": "bregdeti", "en": "coast"},
    "var_county": {"sq": "qarku", "en": "county"},
    # --- geo ---
    "map_level": {"sq": "Niveli", "en": "Level"},
    "map_level_municipality": {"sq": "Bashki", "en": "Municipality"},
    "map_level_county": {"sq": "Qark", "en": "County"},
    "map_level_former_unit": {"sq": "Njësi vendore para 2015", "en": "Former unit (before 2015)"},
    "former_unit": {"sq": "Njësia vendore (para 2015)", "en": "Former unit (before 2015)"},
    "coverage_note_county": {"sq": "{n} nga 12 qarqe kanë të dhëna për {year}.", "en": "{n} of 12 counties have data for {year}."},
    "coverage_note_former_unit": {"sq": "{n} nga 373 njësi vendore (para 2015) kanë të dhëna për {year}.",
                                  "en": "{n} of 373 former units (before 2015) have data for {year}."},
    "map_alt_county": {"sq": "Hartë e {indicator} sipas qarqeve, {year}. E njëjta e dhënë jepet në tabelë më poshtë.",
                       "en": "Map of {indicator} by county, {year}. The same data is in the table below."},
    "map_alt_former_unit": {"sq": "Hartë e {indicator} sipas njësive vendore para reformës së 2015, {year}. "
                                  "E njëjta e dhënë jepet në tabelë më poshtë.",
                            "en": "Map of {indicator} by former unit (before the 2015 reform), {year}. The same data is in the table below."},
    "click_hint_county": {"sq": "Klikoni një qark në hartë për të hapur profilin e tij.", "en": "Click a county on the map to open its profile."},
    "click_hint_former_unit": {"sq": "Klikoni një njësi në hartë për të hapur profilin e bashkisë ku bën pjesë sot.",
                               "en": "Click a unit on the map to open the profile of the municipality it belongs to today."},
    "ranked_bar_county": {"sq": "Renditja e 12 qarqeve", "en": "All 12 counties ranked"},
    "ranked_bar_former_unit": {"sq": "Renditja e njësive vendore", "en": "Former units ranked"},
    "legend_municipality_line": {"sq": "Kufi bashkie (sot)", "en": "Municipality border (today)"},
    # --- former ---
    "level_former_unit": {"sq": "Njësi të mëparshme (para 2015)", "en": "Former units (before 2015)"},
    # --- compare ---
    "compare_charts_heading": {"sq": "Çdo tregues në një grafik", "en": "Each indicator as a chart"},
    "compare_charts_intro": {"sq": "Çdo grafik tregon një vit për të gjitha bashkitë: vitin me vlera për më shumë prej tyre. "
                                   "Tabela më sipër ka vlerën më të fundit të secilës.",
                             "en": "Each chart shows one year for every municipality: the year most of them have a value. "
                                   "The table above has each one's latest value."},
    "compare_albania_rule": {"sq": "Vija e ndërprerë: Shqipëria ({value}).", "en": "Dashed line: Albania ({value})."},
    "compare_albania_total": {"sq": "Shqipëria gjithsej: {value}; nuk vizatohet, sepse totali kombëtar nuk është në të njëjtën shkallë me bashkitë.",
                              "en": "Albania in total: {value}; not drawn, as the national total is not on the same scale as municipalities."},
    "compare_chart_missing": {"sq": "Pa vlerë për {year}: {names}.", "en": "No value for {year}: {names}."},
    "compare_no_chart": {"sq": "Pa grafik, sepse asnjë nga bashkitë e zgjedhura nuk ka vlerë: {names}.",
                         "en": "No chart, as none of the chosen municipalities has a value: {names}."},
    "compare_chart_alt": {"sq": "Grafik me shtylla: {indicator} ({n} nga bashkitë e zgjedhura); të njëjtat shifra janë te të dhënat e grafikëve.",
                          "en": "Bar chart: {indicator} ({n} of the chosen municipalities); the same figures are in the charts' data."},
    "compare_chart_data": {"sq": "Të dhënat e grafikëve", "en": "The charts' data"},
    "compare_from_map": {"sq": "Krahaso këto", "en": "Compare these"},
    "compare_from_map_help": {"sq": "Zgjidhni 2 deri në 6 bashki dhe hapini krahas njëra-tjetrës te Krahaso.",
                              "en": "Choose 2 to 6 municipalities and open them side by side in Compare."},
    "compare_open": {"sq": "Hap krahasimin", "en": "Open the comparison"},
    # --- county ---
    "level_one_municipality": {"sq": "Bashki", "en": "Municipality"},
    "level_one_county": {"sq": "Qark", "en": "County"},
    "level_one_national": {"sq": "Shqipëria", "en": "Albania"},
    "trend_level": {"sq": "Niveli", "en": "Level"},
    "choose_counties": {"sq": "Qarqet e theksuara (të 12 vizatohen)", "en": "Highlighted counties (all 12 are drawn)"},
    "other_counties": {"sq": "Qarqet e tjera", "en": "Other counties"},
    "legend_area": {"sq": "Qarku / Shqipëria", "en": "County / Albania"},
    "break_in_series_label": {"sq": "ndërprerje e serisë", "en": "break in series"},
    "indexed_base": {"sq": "Indeks ({year} = 100)", "en": "Index ({year} = 100)"},
    "county_trend_title": {"sq": "{indicator} ({unit}) – Qarqe", "en": "{indicator} ({unit}) – Counties"},
    "county_trend_note": {"sq": "Të 12 qarqet vizatohen me gri; qarqet e zgjedhura me ngjyrë.",
                          "en": "All 12 counties are drawn in grey; the chosen ones in colour."},
    "census_points_note": {"sq": "Censuset (1989, 2001, 2011, 2023) vizatohen si pika, jo si vijë: janë numërime të një dite, "
                                 "me 10–12 vjet mes tyre, dhe nuk bashkohen me vlerësimet e 1 janarit.",
                           "en": "The censuses (1989, 2001, 2011, 2023) are drawn as points, not a line: each is a count on one day, "
                                 "10–12 years apart, and never joined to the 1 January estimates."},
    "break_split_note": {"sq": "Seria ndërpritet: vija ndahet te ndërprerja dhe vlera pas saj është një rreth i zbrazët.",
                         "en": "The series breaks: the line is cut at the break and the value after it is a hollow point."},
    "county_national_text": {"sq": "Shqipëria nuk vizatohet në boshtin e qarqeve (totali kombëtar është shumë më i madh); "
                                   "shifrat e saj: {values}. Zgjidhni \"Indeks\" për ta krahasuar ndryshimin me qarqet.",
                             "en": "Albania is not drawn on the counties' axis (the national total is far larger); "
                                   "its figures: {values}. Choose \"Indexed\" to compare its change with the counties'."},
    "indexed_left_out": {"sq": "Pa vlerë në vitin bazë {year}, nuk vizatohen në indeks: {names}.",
                         "en": "Without a value in the base year {year}, not drawn on the index: {names}."},
    "indexed_after_break": {"sq": "Në indeks nuk vizatohen vlerat pas një ndërprerjeje të serisë (nuk krahasohen me vitin bazë).",
                            "en": "Values after a break in series are not drawn on the index (they are not comparable with the base year)."},
    "page_county_profile": {"sq": "Profili i qarkut", "en": "County profile"},
    "county_title": {"sq": "Qarku i {genitive}", "en": "{name} County"},
    "choose_county": {"sq": "Qarku", "en": "County"},
    "search_county_placeholder": {"sq": "Shkruani një emër ose kod (p.sh. tirana, Qarku i Korçës, AL-06)",
                                  "en": "Type a name or code (e.g. tirana, Korçë County, AL-06)"},
    "unknown_county": {"sq": "„{text}” nuk është emër qarku që e njohim: nuk po tregojmë një qark tjetër në vend të tij.",
                       "en": "“{text}” is not a county we know: we are not showing another one in its place."},
    "unknown_county_hint": {"sq": "Shkruani emrin e qarkut (me ose pa ë, ç) ose kodin (AL-01 … AL-12).",
                            "en": "Type the county's name (with or without ë, ç) or its code (AL-01 … AL-12)."},
    "county_facts": {"sq": "Qarku në shifra", "en": "The county in figures"},
    "county_facts_intro": {"sq": "Vlera më e fundit e çdo treguesi për qarkun dhe renditja e tij mes 12 qarqeve në të njëjtin vit. "
                                 "Shumat e llogaritura nga bashkitë shënohen si të tilla.",
                           "en": "Each indicator's latest value for the county and its rank among the 12 counties in the same year. "
                                 "Sums computed from municipalities are marked as such."},
    "rank_among_counties": {"sq": "Renditja mes qarqeve", "en": "Rank among counties"},
    "computed_sum": {"sq": "shumë e bashkive", "en": "sum of municipalities"},
    "county_municipalities": {"sq": "Bashkitë e qarkut", "en": "The county's municipalities"},
    "county_municipalities_intro": {"sq": "Popullsia sipas censuseve 2011 dhe 2023 (kufijtë e bashkive të 2015) dhe ndryshimi; "
                                          "\"–\" do të thotë se vlera nuk është raportuar.",
                                    "en": "Population at the 2011 and 2023 censuses (the 2015 municipal boundaries) and the change; "
                                          "\"–\" means the value is not reported."},
    "county_series": {"sq": "Popullsia ndër vite", "en": "Population over the years"},
    "census_change": {"sq": "Ndryshimi i popullsisë mes censuseve", "en": "Population change between censuses"},
    "census_change_intro": {"sq": "Llogaritet vetëm kur të dy censuset kanë vlerë për të njëjtën njësi dhe me të njëjtët kufij; "
                                  "përndryshe mbetet bosh.",
                            "en": "Computed only where both censuses have a value for the same unit on the same boundaries; "
                                  "otherwise it stays empty."},
    "change_method": {"sq": "Censusi {end} minus Censusi {start}, me të njëjtët kufij",
                      "en": "Census {end} minus Census {start}, same boundaries"},
    "change_method_heading": {"sq": "Metoda", "en": "Method"},
    "change_not_computed": {"sq": "Nuk llogaritet: mungon një census", "en": "Not computed: a census is missing"},
    "change_period": {"sq": "Periudha", "en": "Period"},
    "change_from": {"sq": "Censusi i parë", "en": "Earlier census"},
    "change_to": {"sq": "Censusi i dytë", "en": "Later census"},
    "change_abs": {"sq": "Ndryshimi (persona)", "en": "Change (persons)"},
    "change_pct": {"sq": "Ndryshimi (%)", "en": "Change (%)"},
    "population_2011": {"sq": "Popullsia 2011", "en": "Population 2011"},
    "population_2023": {"sq": "Popullsia 2023", "en": "Population 2023"},
    "county_sources": {"sq": "Burimet dhe citimet", "en": "Sources and citations"},
    "open_county_trends": {"sq": "Qarqet në grafikun e tendencave", "en": "The counties on the trends chart"},
    "open_county_profile": {"sq": "Profili i qarkut", "en": "County profile"},
    "albania_own_axis": {"sq": "Shqipëria, në boshtin e vet", "en": "Albania, on its own axis"},
    "template_former_units": {
        "sq": "Ose, për të dhëna sipas 373 njësive të mëparshme (komunat dhe bashkitë para reformës së 2015):",
        "en": "Or, for data by the 373 former units (the communes and municipalities before the 2015 reform):",
    },
    "template_former_units_csv": {"sq": "Shablloni sipas njësive, CSV", "en": "Template by former unit, CSV"},
    "template_former_units_xlsx": {"sq": "Shablloni sipas njësive, Excel", "en": "Template by former unit, Excel"},
    "former_units_note": {
        "sq": "Një tabelë me kolonën «komuna», «njësia administrative» ose «unit_code» lexohet sipas njësive të mëparshme. "
              "Numërimet mblidhen në bashki vetëm kur çdo njësi e bashkisë ka vlerë, kurrë pjesërisht. Normat dhe përqindjet "
              "nuk mblidhen: ngarkoni numëruesin dhe emëruesin.",
        "en": "A table with a column «komuna», «njësia administrative» or «unit_code» is read by former unit. Counts are added "
              "up to a municipality only when every unit of it has a value, never in part. Rates and shares are not added up: "
              "upload the numerator and the denominator.",
    },
    "former_units_aggregation": {
        "sq": "Sipas njësive të mëparshme ({year}): {n} bashki do të marrin shumën e njësive të tyre (me shënimin «mbledhur nga "
              "njësitë e mëparshme»); {kept} ruajnë vlerën që raporton një burim tjetër; {incomplete} mbeten pa vlerë sepse u "
              "mungon të paktën një njësi.",
        "en": "By former unit ({year}): {n} municipalities will get the sum of their units (noted «aggregated from former "
              "units»); {kept} keep the value another source reports; {incomplete} get no value because at least one of "
              "their units is missing.",
    },
    "former_units_not_summed": {
        "sq": "Sipas njësive të mëparshme: ky tregues nuk mblidhet në bashki (rregulli i përmbledhjes është «none»); vlerat "
              "ruhen vetëm për njësitë.",
        "en": "By former unit: this indicator is not added up to municipalities (its aggregate rule is «none»); the values "
              "are kept for the units only.",
    },
    "former_unit_rates_refused": {
        "sq": "Një normë ose përqindje sipas njësive të mëparshme nuk mund të mblidhet në bashki. Ngarkoni në vend të saj "
              "numëruesin dhe emëruesin (p.sh. votuesit dhe zgjedhësit e regjistruar), secilin në tabelën e vet; norma "
              "llogaritet pastaj nga shumat e tyre.",
        "en": "A rate or share by former unit cannot be added up to municipalities. Upload the numerator and the denominator "
              "instead (e.g. voters and registered voters), each in its own table; the rate is then computed from their sums.",
    },
}


def t(key: str, lang: str, **values) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled."""
    text = LABELS[key][lang if lang in LANGS else DEFAULT_LANG]
    return text.format(**values) if values else text


def normalize_lang(value: str | None) -> str:
    return value if value in LANGS else DEFAULT_LANG


def format_number(value: float | None, decimals: int, lang: str) -> str:
    """Babel formatting in the language's convention; '–' for a missing value (never 0)."""
    if _isna(value):
        return "–"
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(float(value), decimals), format=pattern, locale=LOCALES[normalize_lang(lang)])


def format_value(value: float | None, meta, lang: str, with_unit: bool = True) -> str:
    """A value as a reader sees it: category label, or number with its unit ('41,5 %', '75 994 banorë')."""
    if _isna(value):
        return "–"
    if meta.kind == "category":
        return meta.categories.get(int(value), {}).get(lang, str(value))
    number = format_number(value, meta.decimals, lang)
    unit = meta.unit[normalize_lang(lang)]
    if not with_unit:
        return number
    return f"{number}\u00a0%" if unit == "%" else f"{number} {unit}"


def status_label(status: str, lang: str) -> str:
    return t(f"status_{status}", lang)


def theme_label(theme: str, lang: str) -> str:
    return t(f"theme_{theme}", lang) if f"theme_{theme}" in LABELS else theme


def breakdown_label(breakdown: str, lang: str) -> str:
    return t(f"breakdown_{breakdown}", lang)


def ordinal(n: int, lang: str) -> str:
    if lang == "sq":
        return f"i {n}-ti"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def rank_text(rank, n, lang: str) -> str:
    if rank is None or n is None or _isna(rank) or _isna(n):
        return "–"
    return t("of_n", lang, rank=int(rank), n=int(n)) if lang == "sq" else f"{ordinal(int(rank), lang)} of {int(n)}"


def _isna(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def comparison_sentence(row, lang: str) -> str:
    """Plain-language comparison for a profile row, e.g. '1.8 times the national rate; 57th of 61 municipalities'."""
    if row.status != "value":
        return status_label(row.status, lang) + "."
    parts = []
    if not _isna(getattr(row, "ratio_to_national", None)):
        parts.append(t("times_national_rate", lang, ratio=format_number(row.ratio_to_national, 2, lang)))
    elif not _isna(getattr(row, "share_of_national", None)):
        parts.append(t("share_of_national", lang, share=format_number(row.share_of_national * 100, 1, lang) + "\u00a0%"))
    if not _isna(row.rank) and not _isna(row.n_ranked) and int(row.n_ranked) > 1:
        parts.append(t("nth_of_n", lang, rank=int(row.rank), n=int(row.n_ranked), ordinal=ordinal(int(row.rank), lang)))
    sentence = "; ".join(parts)
    return sentence[:1].upper() + sentence[1:] + "." if sentence else ""
