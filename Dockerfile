# The dashboard as one image for container platforms: a Streamlit replica by default, nginx in front with
# `python -m lnb_dash.ops.deploy proxy` (see compose.yaml). Runs as an unprivileged user; data lives in /data (a volume).
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends nginx fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Leaflet and the boundaries into /app/static, and the served copy of Streamlit's front end with its subset fonts and
# gzip copies into /app/front, at build time: nginx (same image, its own container) serves both from disk.
RUN python -c "from lnb_dash.ops import assets; assets.install_static_assets()" \
    && python -c "from lnb_dash.ops import assets, deploy, front_page; front_page.install_front_page(deploy.streamlit_static_dir(), assets.STATIC_DIR)" \
    && useradd --uid 10001 --create-home lnb && mkdir /data && chown lnb /data && chown -R lnb /app/front
ENV LNB_DATA_DIR=/data LNB_DB_PATH=/data/lnb.duckdb PYTHONUNBUFFERED=1 MALLOC_ARENA_MAX=2
USER lnb
VOLUME /data
EXPOSE 8501 8080
ENTRYPOINT ["deploy/entrypoint.sh"]
CMD ["python", "-m", "lnb_dash.ui.serve", "--server.port", "8501", "--server.address", "0.0.0.0"]
