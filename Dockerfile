# stream run as a container. Build from the repository root:
#   docker build -t stream-processor .
#   docker run -p 8080:8080 -v stream-data:/data stream-processor
# Probes (no HEALTHCHECK: the runtime image has no curl, and Cloud Run / Kubernetes use their own probes):
#   liveness  GET /healthz  (200 while the process is alive, draining included)
#   readiness GET /readyz   (200 once the warehouse is open, the model loaded and the spool connected; 503 before and while draining)
#   metrics   GET /metrics  (Prometheus text format)
# Configuration: config.yaml is baked in at /app/config.yaml; override any key with STREAM_<SECTION>__<KEY>
# (e.g. STREAM_SERVICE__DRAIN_SECONDS=8), and PORT picks the port as Cloud Run sets it.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is cached until a dependency changes.
COPY Directory.Build.props ./
COPY src/Systems/Systems.csproj src/Systems/
COPY src/Sinks/Sinks.csproj src/Sinks/
COPY src/Stream/Stream.csproj src/Stream/
RUN dotnet restore src/Stream/Stream.csproj
COPY src/ src/
RUN dotnet publish src/Stream/Stream.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
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
ENTRYPOINT ["dotnet", "/app/stream.dll"]
CMD ["run"]
