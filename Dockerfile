# stream run as a container. Build from the repository root:
#   docker build -t stream-processor .
#   docker run -p 8080:8080 -v stream-data:/data stream-processor
# Probes (no HEALTHCHECK: the runtime image has no curl, and Cloud Run / Kubernetes use their own probes):
#   liveness  GET /healthz  (200 while the process is alive, draining included)
#   readiness GET /readyz   (200 once the warehouse is open, the model loaded and the source (spool or Pub/Sub subscription) reachable; 503 before and while draining)
# Pub/Sub: CMD ["run", "--source", "pubsub", "--subscription", "projects/P/subscriptions/S", "--events-topic", "projects/P/topics/T"]
# (credentials: Application Default Credentials, e.g. workload identity; PUBSUB_EMULATOR_HOST for the emulator).
#   metrics   GET /metrics  (Prometheus text format)
# Configuration: config.yaml is baked in at /app/config.yaml; override any key with STREAM_<SECTION>__<KEY>
# (e.g. STREAM_SERVICE__DRAIN_SECONDS=8), and PORT picks the port as Cloud Run sets it.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# npm restores Google's published Pub/Sub and BigQuery Storage protos (src/Google/*/protos, pinned by their lock files)
# for Grpc.Tools.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Project files first, so the restore layer is cached until a dependency changes (the BigQuery project imports its
# protos' targets file, so that comes with it).
COPY Directory.Build.props ./
COPY src/Systems/Systems.csproj src/Systems/
COPY src/Sinks/Sinks.csproj src/Sinks/
COPY src/Google/PubSub/PubSub.csproj src/Google/PubSub/
COPY src/Google/PubSub/protos/package.json src/Google/PubSub/protos/package-lock.json src/Google/PubSub/protos/
COPY src/Google/BigQuery/BigQuery.csproj src/Google/BigQuery/
COPY src/Google/BigQuery/protos/package.json src/Google/BigQuery/protos/package-lock.json src/Google/BigQuery/protos/BigQueryStorageProtos.targets src/Google/BigQuery/protos/
COPY src/Stream/Stream.csproj src/Stream/
# ReadyToRun, for the platform the image is built on: precompiled code spares the JIT the first use of every method.
# Self-contained and composite: the framework and stream in one image and one version bubble, so that the framework's
# generics over stream's own types (tuple-keyed collections, async state machines) are precompiled as well. perf
# measures this same build (Perf.csproj; figures in the README's Performance section).
RUN dotnet restore src/Stream/Stream.csproj --use-current-runtime -p:PublishReadyToRun=true -p:SelfContained=true
RUN cd src/Google/PubSub/protos && npm ci --ignore-scripts --no-audit --no-fund
RUN cd src/Google/BigQuery/protos && npm ci --ignore-scripts --no-audit --no-fund && touch node_modules/.restored
COPY src/ src/
RUN dotnet publish src/Stream/Stream.csproj --configuration Release --no-restore --use-current-runtime --self-contained true \
      -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true --output /app

# The runtime comes with the app (self-contained), so the image needs only what the runtime itself depends on.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY config.yaml ./config.yaml
# The data dir (warehouse, model, spool, ack log) is the one writable place; the app user owns it.
RUN mkdir -p /data/spool && chown -R $APP_UID /data
VOLUME /data
ENV STREAM_DATA_DIR=/data
EXPOSE 8080
# The non-root user the .NET images provide (APP_UID=1654).
USER $APP_UID
# SIGTERM starts a graceful drain (service.drain_seconds, 8 s by default; Cloud Run kills at 10 s).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/stream"]
CMD ["run"]
