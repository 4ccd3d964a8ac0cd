# arbot's container image: slim, non-root, dependencies pinned by deploy/requirements.lock.
#
#   docker build -t arbot .
#   docker run --rm -p 8000:8000 -e ARBOT_DATABASE_URL=postgresql+psycopg://... arbot
#
# The command is `arbot serve` on 0.0.0.0:8000 with JSON logs; it migrates the database when it
# starts (under a PostgreSQL advisory lock, so replicas may start together), or run
# `arbot db upgrade` as a deploy step first.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY deploy/requirements.lock deploy/requirements.lock
RUN python -m venv /opt/arbot \
    && /opt/arbot/bin/pip install --require-hashes --no-deps -r deploy/requirements.lock
COPY pyproject.toml README.md LICENSE ./
COPY bot bot
COPY graph graph
COPY integrations integrations
COPY prompts prompts
RUN /opt/arbot/bin/pip install --no-deps .

FROM python:3.11-slim
ENV PATH=/opt/arbot/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    ARBOT_HOME=/var/lib/arbot \
    ARBOT_LOG_FORMAT=json
RUN groupadd --system arbot \
    && useradd --system --gid arbot --home-dir /var/lib/arbot --create-home arbot
COPY --from=build /opt/arbot /opt/arbot
USER arbot
WORKDIR /var/lib/arbot
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/readyz', timeout=4).status != 200)"]
STOPSIGNAL SIGTERM
CMD ["arbot", "serve", "--host", "0.0.0.0", "--port", "8000"]
