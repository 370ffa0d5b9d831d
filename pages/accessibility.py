"""Accessibility statement: the standard the dashboard aims at, how it was tested and with what result, what does not
conform yet and why, how to report a barrier."""

import streamlit as st

from lnb_dash import i18n
from lnb_dash.ui import state

lang = state.current_lang()
state.write_view("accessibility", None, lang)
st.title(i18n.t("a11y_page", lang))
for heading, text in ((i18n.t("a11y_standard_heading", lang), i18n.t("a11y_standard_text", lang)),
                      (i18n.t("a11y_tested_heading", lang), i18n.t("a11y_tested_text", lang)),
                      (i18n.t("a11y_results_heading", lang), i18n.t("a11y_results_text", lang)),
                      (i18n.t("a11w_keys_heading", lang), i18n.t("a11w_keys_text", lang)),
                      (i18n.t("a11y_known_heading", lang), i18n.t("a11y_known_text", lang)),
                      (i18n.t("a11y_report_heading", lang), i18n.t("a11y_report_text", lang))):
    st.header(heading)
    st.markdown(text)
