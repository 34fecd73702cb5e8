# Shared deployment of the auditor web app (CPU only, offline at run time).
FROM python:3.11-slim
ENV PIP_NO_CACHE_DIR=1 PYTHONUNBUFFERED=1 AUDITOR_DATA_DIR=/data TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS=""
WORKDIR /app
COPY pyproject.toml README.md ./
COPY auditor ./auditor
COPY checklists ./checklists
COPY models ./models
COPY examples ./examples
COPY app.py ./
# torch first, pinned to the CPU wheel, so nothing pulls a CUDA build
RUN pip install --index-url https://download.pytorch.org/whl/cpu torch==2.13.0 \
 && pip install . psycopg2-binary
VOLUME /data
EXPOSE 8501
CMD ["streamlit", "run", "app.py", "--server.headless", "true", "--server.address", "0.0.0.0", \
     "--server.port", "8501", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
