"""Upload (staff only): template → upload → validation report → confirm → atomic import; history with undo."""

import tempfile
from pathlib import Path

import streamlit as st

from lnb_dash import config, i18n
from lnb_dash.data import history
from lnb_dash.data.importer import ImportRejected, RatesNotSummable, import_file, plan_import
from lnb_dash.data.indicator_form import new_indicator
from lnb_dash.data.locking import ImportInProgressError
from lnb_dash.data.tables import safe_upload_name
from lnb_dash.model import import_preview
from lnb_dash.ui import auth, cached, import_forms, state

lang = state.current_lang()
st.title(i18n.t("page_upload", lang))
mode = auth.auth_mode()
if mode == "none":
    st.warning(i18n.t("upload_disabled", lang))
    st.stop()
user = auth.signed_in_user()
if user is None:
    import_forms.render_sign_in(mode, lang)
    st.stop()
st.caption(i18n.t("signed_in_as", lang, user=user))
st.button(i18n.t("sign_out", lang), on_click=auth.sign_out, key="upload.sign_out")
if config.is_shipped(config.DATA_DIR):
    st.error(i18n.t("upload_shipped_data", lang))
    st.stop()

st.header(i18n.t("step_template", lang))
templates = st.container()  # drawn once step 2 has chosen the indicator, whose name, unit and definition the templates carry

st.header(i18n.t("step_upload", lang))
upload = st.file_uploader(i18n.t("table_file", lang), type=["csv", "xlsx"], max_upload_size=20, key="upload.file")
catalogue = cached.list_indicators_cached()
indicator = import_forms.render_indicator_picker(catalogue, lang)
new_problems = []
meta = {}
if indicator == import_forms.NEW_INDICATOR:
    indicator, definition, new_problems = new_indicator(import_forms.render_indicator_form(lang), catalogue.indicator_id, lang)
    meta["indicator"] = definition
meta |= import_forms.render_source_form(lang)
with templates:
    chosen = meta.get("indicator") or (import_forms.indicator_texts(cached.indicator_meta_cached(indicator)) if indicator else None)
    import_forms.render_templates(cached.municipalities_cached(), cached.former_units_cached(), chosen, lang)

st.header(i18n.t("step_check", lang))
if upload is not None and indicator and st.button(i18n.t("check_button", lang), key="upload.check", type="primary"):
    for problem in new_problems:
        st.error(problem)
    if new_problems:
        st.stop()
    folder = Path(tempfile.mkdtemp())
    path = folder / safe_upload_name(upload.name)
    path.write_bytes(upload.getvalue())
    st.session_state["upload.pending"] = (str(path), indicator, meta)
pending = st.session_state.get("upload.pending")
if pending:
    path, indicator, meta = Path(pending[0]), pending[1], pending[2]
    try:
        plan = plan_import(path, indicator, meta, config.DATA_DIR, lang=lang)
    except ImportRejected as exc:
        import_forms.render_rejection(exc, lang)
        if isinstance(exc, RatesNotSummable):
            st.info(i18n.t("former_unit_rates_refused", lang))
        st.session_state.pop("upload.pending")
    else:
        st.success(i18n.t("ready_to_import", lang))
        st.text(plan.summary(lang))
        import_forms.render_former_unit_aggregation(plan, lang)
        existing = None if meta.get("indicator") else cached.stored_values_cached(indicator)
        import_forms.render_preview(import_preview.preview_frame(path, plan, existing, config.DATA_DIR, lang), lang)
        kind = meta["indicator"]["kind"] if meta.get("indicator") else cached.indicator_meta_cached(indicator).kind
        doubts = import_preview.plausibility(plan, existing, kind, lang)
        for doubt in doubts:
            st.warning(doubt)
        sure = not doubts or st.checkbox(i18n.t("upl_confirm_indicator", lang), key="upload.sure")
        if st.button(i18n.t("confirm_import", lang), key="upload.confirm", type="primary", disabled=not sure):
            try:
                import_file(path, indicator, meta, config.DATA_DIR, config.DB_PATH, user=user, lang=lang)
            except ImportRejected as exc:
                import_forms.render_rejection(exc, lang)
            except ImportInProgressError as exc:
                import_forms.render_import_in_progress(exc, lang)
            else:
                st.session_state.pop("upload.pending")
                cached.drop_if_rebuilt()
                st.success(i18n.t("imported", lang, source=plan.source_id))

st.header(i18n.t("history", lang))
log = history.read_history(config.DATA_DIR)
if log.empty:
    st.write(i18n.t("no_history", lang))
else:
    st.dataframe(history.history_table(log, lang, config.DATA_DIR), hide_index=True, width="stretch")
    undoable = history.imported_sources(config.DATA_DIR)
    if undoable:
        source = st.selectbox(i18n.t("undo", lang), undoable, key="upload.undo_source", placeholder=i18n.t("choose_placeholder", lang))
        if st.button(i18n.t("undo", lang), key="upload.undo"):
            try:
                history.undo_import(source, user, config.DATA_DIR, config.DB_PATH)
            except ImportInProgressError as exc:
                import_forms.render_import_in_progress(exc, lang)
            else:
                cached.drop_if_rebuilt()
                st.success(i18n.t("undone", lang, source=source))
