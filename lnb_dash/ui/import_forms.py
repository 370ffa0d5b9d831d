"""The upload page's forms: sign-in, the source's citation, problems, former-unit sums, the lock."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from lnb_dash import config, i18n
from lnb_dash.i18n import N_

NEW_INDICATOR = "__new__"
_KINDS = dict(zip(config.KINDS, (N_("upl_kind_count"), N_("upl_kind_measure"), N_("upl_kind_rate"), N_("upl_kind_share"),
                                                  N_("upl_kind_category"))))
_FIELD_LABELS = (N_("upl_name_sq"), N_("upl_name_en"), N_("upl_unit_sq"), N_("upl_unit_en"), N_("upl_definition_sq"), N_("upl_definition_en"))
_HIGHER = {None: N_("upl_higher_none"), True: N_("upl_higher_yes"), False: N_("upl_higher_no")}


def render_sign_in(mode: str, lang: str) -> None:
    from lnb_dash.ui import auth

    if mode == "oidc":
        if getattr(st.user, "is_logged_in", False):
            st.error(i18n.t("not_allowed", lang))
        st.button(i18n.t("sign_in_oidc", lang), on_click=st.login, key="upload.login")
        return
    with st.form("upload.sign_in"):
        name = st.text_input(i18n.t("your_name", lang), key="upload.name")
        password = st.text_input(i18n.t("password", lang), type="password", key="upload.password")
        if st.form_submit_button(i18n.t("sign_in", lang)):
            outcome = auth.check_password(name, password)
            if outcome.signed_in:
                st.rerun()
            st.error(i18n.t("wrong_password", lang) if outcome.wait <= 0 else wait_message(outcome.wait, lang))
    st.caption(i18n.t("sec_session_only", lang))


def wait_message(seconds: float, lang: str) -> str:
    """How long to wait before the next try, in minutes from a minute up, else seconds (rounded up)."""
    if seconds >= 60:
        return i18n.t("sec_wait_minutes", lang, n=math.ceil(seconds / 60))
    return i18n.t("sec_wait_seconds", lang, n=math.ceil(seconds))


def render_indicator_picker(catalogue: pd.DataFrame, lang: str) -> str | None:
    """The indicator an upload is for: nothing chosen at first, "New indicator…" first among the existing ones."""
    from lnb_dash.ui import places

    label = places.indicator_label(catalogue, lang)
    return st.selectbox(i18n.t("upl_choose_indicator", lang), [NEW_INDICATOR, *catalogue.indicator_id], index=None, key="upload.indicator",
                        format_func=lambda iid: i18n.t("upl_new_indicator", lang) if iid == NEW_INDICATOR else label(iid),
                        placeholder=i18n.t("upl_choose_indicator", lang))


def indicator_texts(meta) -> dict:
    """An existing indicator's name, unit and definition in both languages, as the templates' metadata sheet takes them."""
    return {"name": meta.name, "unit": meta.unit, "definition": meta.definition}


def render_templates(municipalities: pd.DataFrame, former_units: pd.DataFrame, indicator: dict | None, lang: str) -> None:
    """Step 1, the templates to fill in (CSV and Excel, by municipality and by former unit); once the indicator is
    chosen (or described as a new one) the Excel metadata sheet carries its name, unit and definition."""
    from lnb_dash.data.importer import template_frame, template_frame_former_units, template_metadata
    from lnb_dash.render import exports

    name = ((indicator or {}).get("name") or {}).get(lang, "").strip()
    st.caption(i18n.t("upe_template_carries", lang, name=name) if name else i18n.t("upe_template_choose_first", lang))
    template = template_frame(municipalities, lang)
    cols = st.columns(2)
    cols[0].download_button(i18n.t("template_csv", lang), exports.to_csv_bytes(template), file_name=f"lnb_template_{lang}.csv", key="upload.tcsv")
    cols[1].download_button(i18n.t("template_xlsx", lang), exports.to_xlsx_bytes(template, template_metadata(template, indicator)),
                            file_name=f"lnb_template_{lang}.xlsx", key="upload.txlsx")
    st.caption(i18n.t("template_former_units", lang))
    units = template_frame_former_units(former_units, municipalities, lang)
    cols = st.columns(2)
    cols[0].download_button(i18n.t("template_former_units_csv", lang), exports.to_csv_bytes(units),
                            file_name=f"lnb_template_former_units_{lang}.csv", key="upload.ucsv")
    cols[1].download_button(i18n.t("template_former_units_xlsx", lang), exports.to_xlsx_bytes(units, template_metadata(units, indicator)),
                            file_name=f"lnb_template_former_units_{lang}.xlsx", key="upload.uxlsx")
    st.caption(i18n.t("former_units_note", lang))


def render_indicator_form(lang: str) -> dict:
    """The new indicator's fields (lnb_dash.data.indicator_form.new_indicator checks them)."""
    st.subheader(i18n.t("upl_new_heading", lang))
    cols = st.columns(2)
    fields = {f"{field}_{code}": cols[i].text_input(i18n.t(f"upl_{field}_{code}", lang), key=f"upload.new.{field}_{code}")
              for field in ("name", "unit") for i, code in enumerate(config.LANGS)}
    fields |= {f"definition_{code}": cols[i].text_area(i18n.t(f"upl_definition_{code}", lang), key=f"upload.new.definition_{code}", height=80)
               for i, code in enumerate(config.LANGS)}
    fields["kind"] = cols[0].selectbox(i18n.t("upl_kind", lang), config.KINDS, index=None, format_func=lambda k: i18n.t(_KINDS[k], lang),
                                       key="upload.new.kind", placeholder=i18n.t("choose_placeholder", lang))
    fields["theme"] = cols[1].selectbox(i18n.t("upl_theme", lang), config.THEMES, index=None, format_func=lambda t: i18n.theme_label(t, lang),
                                        key="upload.new.theme", placeholder=i18n.t("choose_placeholder", lang))
    fields["decimals"] = cols[0].number_input(i18n.t("upl_decimals", lang), 0, 4, 0, key="upload.new.decimals")
    fields["higher_is_better"] = cols[1].radio(i18n.t("upl_higher", lang), list(_HIGHER), format_func=lambda h: i18n.t(_HIGHER[h], lang),
                                               horizontal=True, key="upload.new.higher")
    return fields


def render_source_form(lang: str) -> dict:
    """Source metadata for an upload, as the importer's meta dict."""
    cols = st.columns(2)
    source = {
        "id": cols[0].text_input(i18n.t("source_id", lang), key="upload.source_id"),
        "title": cols[1].text_input(i18n.t("source_title", lang), key="upload.title"),
        "publisher": cols[0].text_input(i18n.t("source_publisher", lang), key="upload.publisher"),
        "homepage": cols[1].text_input(i18n.t("source_url", lang), key="upload.url"),
        "license": cols[0].text_input(i18n.t("source_license", lang), key="upload.license"),
        "reference_date": cols[1].text_input(i18n.t("source_date", lang), key="upload.date"),
    }
    return {"source": {k: v.strip() for k, v in source.items() if v.strip()}}


def problems_frame(problems, lang: str) -> pd.DataFrame:
    """The report's rows in ``lang``: file, row, column, problem, what to do; an empty cell stays empty (never "None")."""
    keys = (N_("imp_report_file"), N_("imp_report_row"), N_("imp_report_column"), N_("imp_report_problem"), N_("imp_report_todo"))
    headings = [i18n.t(k, lang) for k in keys]
    return pd.DataFrame([[p.file, "" if p.row is None else str(p.row), p.column or "", p.problem(lang), p.todo(lang)] for p in problems],
                        columns=headings)


def render_problems(problems, lang: str) -> None:
    """The validation report: one row per problem with file, row, column, problem and what to do, in the page's
    language (shown as text, never as HTML)."""
    st.error(i18n.t("problems_found", lang, n=len(problems)))
    st.dataframe(problems_frame(problems, lang), hide_index=True, width="stretch")


def render_rejection(exc, lang: str) -> None:
    """A table over a size limit (nothing was read past it: :mod:`lnb_dash.data.tables`) as the message itself, in the
    page's language; any other refusal as the report."""
    problems = exc.problems
    if len(problems) == 1 and (problems[0].key or "").startswith("sec_table_"):
        st.error(problems[0].problem(lang))
    else:
        render_problems(problems, lang)


def render_preview(preview: pd.DataFrame, lang: str) -> None:
    """Each written name and the place it resolved to, with what the import does to each value; nothing changed yet."""
    st.info(i18n.t("upl_preview", lang))
    st.dataframe(preview, hide_index=True, width="stretch")


def render_former_unit_aggregation(plan, lang: str) -> None:
    """For a table keyed by former units: how many municipalities get a sum, keep a reported value, or get none."""
    for (_breakdown, year), aggregation in (plan.aggregation or {}).items():
        if not aggregation.summed:
            st.info(i18n.t("former_units_not_summed", lang))
            return
        st.info(i18n.t("former_units_aggregation", lang, year=year, n=len(aggregation.aggregated), kept=len(aggregation.kept),
                       incomplete=len(aggregation.incomplete)))


def render_import_in_progress(exc, lang: str) -> None:
    """Another import holds the data folder's lock (a :class:`lnb_dash.data.locking.ImportInProgressError`): whose, since when."""
    st.error(i18n.t("import_in_progress", lang, user=exc.user or i18n.t("unknown_user", lang),
                    at=exc.started_at or i18n.t("unknown_time", lang)))

