"""Curate every figure of the two LNB documents in ../shared/seeds into data/sources/lnb_factsheets/programme_figures.csv.

Run by hand (``python scripts/curate_programme_figures.py``); the output is committed. Each figure keeps the words the
document used (``as_stated``), which the script checks against the seed text, so a figure is never typed from memory.
It also adds the table to the source's ``datapackage.yaml`` and leaves every other field of that file as it is
(its Albanian fields are written by hand, so ``curate_data.py`` is not re-run for this).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml
from curate_data import DATA, SHARED, label, write_csv

SEEDS = Path(os.environ.get("LNB_SEEDS", SHARED / "seeds"))  # from a worktree: LNB_SEEDS=/work/shared/seeds
FINAL = "final programme page (results to the programme's end, 2021)"
FACTSHEET = "2019-2020 factsheet (results after the programme's second year, to mid-2019)"
DOCUMENTS = {FINAL: ("000_cf8a6dc3ac30ecd3.txt", 2021), FACTSHEET: ("002_e187c987e9210709.txt", 2019)}

PERSONS, MUNICIPALITIES = label("persona", "persons"), label("bashki", "municipalities")

# (figure id, document, value, name, unit, words as stated, headline rank on the final page or None,
#  the measure in programme_results it belongs to or None). In each document's order.
FIGURES = [
    ("sdc_funding_chf", FINAL, 8_000_000, label("Financimi i SDC për programin", "SDC funding of the programme"),
     label("franga zvicerane", "Swiss francs"), "SDC also funds the programme at the amount of 8 Million CHF", None, None),
    ("un_partner_agencies", FINAL, 4, label("Agjenci partnere të OKB-së", "UN partner agencies"), label("agjenci", "agencies"),
     "jointly implemented by four UN partner agencies UNDP, UNFPA, UNICEF, UN WOMEN", None, None),
    ("municipalities_costed_plans", FINAL, 16, label("Bashki me plane sociale të kostuara", "Municipalities with costed social care plans"),
     MUNICIPALITIES, "municipalities (16) have developed and costed social care plans", None, None),
    ("citizens_better_access", FINAL, 193_000, label("Qytetarë në nevojë me akses më të mirë në shërbime",
                                                     "Vulnerable citizens with better access to services"),
     PERSONS, "LNB helped improve access to services for more than 193,000 vulnerable citizens", 1, None),
    ("pwd_better_access", FINAL, 14_858, label("Persona me aftësi të kufizuara me akses më të mirë në shërbime",
                                               "Persons with disabilities with better access to services"),
     PERSONS, "including 14,858 persons with disabilities", 2, None),
    ("roma_egyptians_better_access", FINAL, 15_872, label("Romë dhe egjiptianë me akses më të mirë në shërbime",
                                                          "Roma and Egyptians with better access to services"),
     PERSONS, "and 15,872 Roma & Egyptians", 3, None),
    ("citizens_networks_forums", FINAL, 1_900, label("Qytetarë në rrjete dhe forume", "Citizens in networks and forums"),
     PERSONS, "Around 1900 citizens have created networks & forums to voice and influence decision making", 4, None),
    ("children_disabilities_families", FINAL, 5_700, label("Fëmijë e të rinj me aftësi të kufizuara dhe familjarët e tyre në qendra komunitare",
                                                           "Children and youth with disabilities and their families in community centres"),
     PERSONS, "5,700 children and youth with disabilities and their family members benefit from improved community based "
              "social care centres", 5, None),
    ("roma_egyptians_integrated_services", FINAL, 4_900, label("Romë dhe egjiptianë me shërbime sociale të integruara (3 bashki)",
                                                               "Roma and Egyptians with integrated social services (3 municipalities)"),
     PERSONS, "4,900 Roma and Egyptians in 3 partner municipalities benefitted from a tailored package of integrated social services",
     6, None),
    ("youth_srh_model", FINAL, 15_266, label("Të rinj që përfitojnë nga modeli i shëndetit seksual dhe riprodhues (12 qarqe)",
                                             "Young people benefiting from the sexual and reproductive health model (12 regions)"),
     PERSONS, "established in 12 regions benefiting 15,266 youngsters", 7, None),
    ("regions_srh_model", FINAL, 12, label("Qarqe me modelin e shërbimeve të shëndetit riprodhues",
                                           "Regions with the community sexual and reproductive health model"),
     label("qarqe", "regions"), "has been established in 12 regions", None, "regions_srh_model"),
    ("covid_informed", FINAL, 63_630, label("Persona të informuar gjatë izolimit për COVID-19", "People informed during the COVID-19 lockdown"),
     PERSONS, "63,630 people were supported with information on preventive measures and emergency services during COVID-19 lockdown",
     8, None),
    ("municipalities_officials_supported", FINAL, 61, label("Bashki me zyrtarë vendorë të mbështetur", "Municipalities whose officials were supported"),
     MUNICIPALITIES, "Local level officials in 61 Municipalities have been supported", 9, None),
    ("municipalities_social_care_plans", FINAL, 36, label("Bashki me plane të kujdesit social", "Municipalities with social care plans"),
     MUNICIPALITIES, "36 municipalities supported to develop and implement their social care plans", None, "municipalities_social_care_plans"),
    ("municipalities_gender_budgeting", FINAL, 18, label("Bashki me buxhetim me përgjegjësi gjinore", "Municipalities with gender-responsive budgeting"),
     MUNICIPALITIES, "18 municipalities engaged 3,814 women", None, "municipalities_gender_budgeting"),
    ("women_gender_budgeting", FINAL, 3_814, label("Gra të përfshira në buxhetimin me përgjegjësi gjinore", "Women engaged in gender-responsive budgeting"),
     label("gra", "women"), "engaged 3,814 women in participatory and gender responsive budgeting", None, "women_gender_budgeting"),
    ("municipalities_grants", FINAL, 17, label("Bashki me grante për shërbime sociale", "Municipalities with grants for social services"),
     MUNICIPALITIES, "17 municipalities received grants to deliver social services for marginalized groups", 10, None),
    ("municipalities_youth_budgeting", FINAL, 14, label("Bashki me buxhetim me pjesëmarrje për të rinjtë", "Municipalities with youth-responsive budgeting"),
     MUNICIPALITIES, "14 municipalities benefited from participatory and Youth-responsive budgeting practices", None,
     "municipalities_youth_budgeting"),
    ("staff_trained", FINAL, 5_700, label("Punonjës vendorë të trajnuar", "Local staff trained"), label("punonjës", "staff"),
     "5,700 local staff in 47 municipalities were assisted to boost their skills", None, "staff_trained"),
    ("municipalities_staff_trained", FINAL, 47, label("Bashki me punonjës të trajnuar", "Municipalities with staff trained"), MUNICIPALITIES,
     "5,700 local staff in 47 municipalities", None, "municipalities_staff_trained"),
    ("teachers_trained", FINAL, 2_700, label("Mësues dhe staf shkollor të trajnuar për arsimin gjithëpërfshirës",
                                             "Teachers and school staff trained on inclusive education"), PERSONS,
     "2,700 schoolteachers, assistant teachers, headmasters, and psychologists nationwide trained on inclusive education", None,
     "teachers_trained"),
    ("dcm_social_care_law", FINAL, 19, label("Vendime të Këshillit të Ministrave për ligjin e shërbimeve të kujdesit social",
                                             "Council of Ministers decisions on the Law on Social Care Services"),
     label("vendime", "decisions"), "19 Decisions of the Council of Ministers on the Law on Social Care Service", None, "dcm_social_care_law"),
    ("dcm_social_enterprises_law", FINAL, 6, label("Vendime të Këshillit të Ministrave për ligjin për ndërmarrjet sociale",
                                                   "Council of Ministers decisions on the Law on Social Enterprises"),
     label("vendime", "decisions"), "6 Decisions of the Council of Ministers on the Law on Social Enterprises", None, None),
    ("dcm_social_housing_law", FINAL, 30, label("Vendime të Këshillit të Ministrave për ligjin për strehimin social",
                                                "Council of Ministers decisions on the Law on Social Housing"),
     label("vendime", "decisions"), "30 Decisions of the Council of Ministers on the the Law on Social Housing", None, None),
    ("dcm_disability_law", FINAL, 1, label("Vendim i Këshillit të Ministrave për ligjin për përfshirjen e personave me aftësi të kufizuara",
                                           "Council of Ministers decision on the Law on Inclusion of and Accessibility for Persons with Disabilities"),
     label("vendime", "decisions"), "1 Decision of the Council of Ministers on the Law on Inclusion of and Accessibility for Persons with "
                                    "Disabilities", None, None),
    ("priority_municipalities", FACTSHEET, 24, label("Bashki prioritare", "Priority municipalities"), MUNICIPALITIES,
     "We have currently prioritized 24 municipalities across Albania", None, None),
    ("municipalities_service_mapping", FACTSHEET, 61, label("Bashki ku vlerësohen dhe hartëzohen shërbimet e kujdesit social",
                                                            "Municipalities where social care services are assessed and mapped"),
     MUNICIPALITIES, "Establish the methodology for assessing and mapping the social care services in 61 municipalities", None, None),
    ("un_partner_agencies", FACTSHEET, 4, label("Agjenci partnere të OKB-së", "UN partner agencies"), label("agjenci", "agencies"),
     "implemented by four UN partner agencies", None, None),
    ("municipalities_costed_plans", FACTSHEET, 16, label("Bashki me plane sociale të kostuara", "Municipalities with costed social care plans"),
     MUNICIPALITIES, "municipalities (16) have developed and costed social care plans", None, None),
    ("awareness_workshops", FACTSHEET, 230, label("Punëtori dhe forume informimi e ndërgjegjësimi", "Information and awareness-raising workshops and forums"),
     label("punëtori e forume", "workshops and forums"), "230 information and awareness raising workshops and forums have been organized",
     None, None),
    ("people_better_informed", FACTSHEET, 5_668, label("Persona në nevojë më të informuar për shërbimet sociale",
                                                       "Vulnerable people better informed about social services"),
     PERSONS, "5668 vulnerable people are better informed about social services, inclusive education and inclusive budgeting", None, None),
    ("children_disabilities_specialised", FACTSHEET, 166, label("Fëmijë e të rinj me aftësi të kufizuara me shërbime të specializuara (5 bashki)",
                                                                "Children and youth with disabilities with specialised services (5 municipalities)"),
     PERSONS, "better specialized services are provided to 166 children and youth with disabilities in the community centers of five "
              "municipalities", None, None),
    ("roma_egyptian_children", FACTSHEET, 300, label("Fëmijë romë dhe egjiptianë në moshë shkollore me shërbime të integruara (3 bashki)",
                                                     "School-aged Roma and Egyptian children with integrated services (3 municipalities)"),
     label("fëmijë", "children"), "300 school-aged Roma and Egyptian children", None, None),
    ("roma_egyptian_families", FACTSHEET, 190, label("Familje romë dhe egjiptiane me shërbime të integruara (3 bashki)",
                                                     "Roma and Egyptian families with integrated services (3 municipalities)"),
     label("familje", "families"), "and 190 families in three municipalities benefitted from an inclusive package of integrated social services",
     None, None),
    ("blind_students", FACTSHEET, 67, label("Nxënës me dëmtime në shikim me materiale shkollore të aksesueshme",
                                            "Students with visual impairments with accessible school materials"),
     label("nxënës", "students"), "to provide accessible school materials to 67 students with visual impairments", None, None),
    ("regions_srh_model", FACTSHEET, 11, label("Qarqe me modelin e shërbimeve të shëndetit riprodhues",
                                               "Regions with the community sexual and reproductive health model"),
     label("qarqe", "regions"), "is established in 11 regions", None, "regions_srh_model"),
    ("health_education_teams", FACTSHEET, 68, label("Ekipe të edukimit shëndetësor", "Health-education teams"), label("ekipe", "teams"),
     "68 health education teams have been set-up to increase demand for SRH services for young persons in need", None, None),
    ("municipalities_social_care_plans", FACTSHEET, 11, label("Bashki me plane të kujdesit social", "Municipalities with social care plans"),
     MUNICIPALITIES, "11 municipalities have developed social care plans through participatory processes", None,
     "municipalities_social_care_plans"),
    ("staff_trained", FACTSHEET, 839, label("Punonjës vendorë të trajnuar", "Local staff trained"), label("punonjës", "staff"),
     "839 professional staff from 16 municipalities have better knowledge and skills", None, "staff_trained"),
    ("municipalities_staff_trained", FACTSHEET, 16, label("Bashki me punonjës të trajnuar", "Municipalities with staff trained"), MUNICIPALITIES,
     "839 professional staff from 16 municipalities", None, "municipalities_staff_trained"),
    ("teachers_trained", FACTSHEET, 600, label("Mësues dhe staf shkollor të trajnuar për arsimin gjithëpërfshirës",
                                               "Teachers and school staff trained on inclusive education"), PERSONS,
     "600 teachers, school head masters, and psychologists from 30 schools in 7 municipalities are trained on inclusive education", None,
     "teachers_trained"),
    ("women_gender_budgeting", FACTSHEET, 1_483, label("Gra të përfshira në buxhetimin me përgjegjësi gjinore",
                                                       "Women engaged in gender-responsive budgeting"),
     label("gra", "women"), "1,483 women engaged in the participatory practices for gender responsive budgeting in 3 municipalities", None,
     "women_gender_budgeting"),
    ("municipalities_gender_budgeting", FACTSHEET, 3, label("Bashki me buxhetim me përgjegjësi gjinore",
                                                            "Municipalities with gender-responsive budgeting"),
     MUNICIPALITIES, "gender responsive budgeting in 3 municipalities", None, "municipalities_gender_budgeting"),
    ("municipalities_youth_budgeting", FACTSHEET, 5, label("Bashki me buxhetim me pjesëmarrje për të rinjtë", "Municipalities with youth-responsive budgeting"),
     MUNICIPALITIES, "5 municipalities benefited from participatory and youth-responsive budgeting practices", None,
     "municipalities_youth_budgeting"),
    ("dcm_social_care_law", FACTSHEET, 4, label("Vendime të Këshillit të Ministrave për ligjin e shërbimeve të kujdesit social",
                                                "Council of Ministers decisions on the Law on Social Care Services"),
     label("vendime", "decisions"), "4 decisions of Council of Ministers for the implementation of the Law on Social Care Services are approved",
     None, "dcm_social_care_law"),
    ("regulatory_acts_social_enterprises", FACTSHEET, 4, label("Akte rregullatore për ligjin për ndërmarrjet sociale",
                                                               "Regulatory acts on the Law on Social Enterprises"),
     label("akte", "acts"), "4 regulatory acts on the Law on Social Enterprises are approved", None, None),
    ("dcm_social_housing_designed", FACTSHEET, 20, label("Vendime të Këshillit të Ministrave për strehimin social të hartuara",
                                                         "Council of Ministers decisions on social housing designed"),
     label("vendime", "decisions"), "20 decisions of council of ministers on the implementation of the Law on Social Housing are designed",
     None, None),
    ("dcm_social_housing_approved", FACTSHEET, 3, label("Vendime të Këshillit të Ministrave për strehimin social të miratuara",
                                                        "Council of Ministers decisions on social housing approved"),
     label("vendime", "decisions"), "are designed, and 3 currently approved", None, None),
]
FIELDS = ["figure", "document", "year", "value", "name_sq", "name_en", "unit_sq", "unit_en", "as_stated", "headline", "measure"]


def normalized(text: str) -> str:
    """Lower case, without the factsheet's bold marks, with one space between words: how the wording is matched."""
    return re.sub(r"\s+", " ", text.replace("**", "")).lower()


def main() -> None:
    # Load inputs.
    seeds = {doc: normalized((SEEDS / name).read_text(encoding="utf-8")) for doc, (name, _) in DOCUMENTS.items()}

    # Process data.
    rows = []
    for figure, doc, value, name, unit, stated, headline, measure in FIGURES:
        assert normalized(stated) in seeds[doc], f"{figure}: {stated!r} is not in the {doc}"
        assert f"{value:,}" in stated or str(value) in stated or figure in ("sdc_funding_chf", "un_partner_agencies"), figure
        rows.append({"figure": figure, "document": doc, "year": DOCUMENTS[doc][1], "value": value, "name_sq": name["sq"],
                     "name_en": name["en"], "unit_sq": unit["sq"], "unit_en": unit["en"], "as_stated": stated,
                     "headline": headline or "", "measure": measure or ""})

    # Save outputs.
    folder = DATA / "sources" / "lnb_factsheets"
    write_csv(folder / "programme_figures.csv", FIELDS, rows)
    package = yaml.safe_load((folder / "datapackage.yaml").read_text(encoding="utf-8"))
    resource = {"name": "programme_figures", "path": "programme_figures.csv", "profile": "tabular-data-resource", "format": "csv",
                "encoding": "utf-8", "schema": {"fields": [{"name": f, "type": "integer" if f in ("value", "year", "headline") else "string"}
                                                           for f in FIELDS]}}
    package["resources"] = [r for r in package["resources"] if r["name"] != "programme_figures"] + [resource]
    (folder / "datapackage.yaml").write_text(yaml.safe_dump(package, allow_unicode=True, sort_keys=False, width=110), encoding="utf-8")
    print(f"curated {len(rows)} figures of {len(DOCUMENTS)} documents into {folder / 'programme_figures.csv'}")


if __name__ == "__main__":
    main()
