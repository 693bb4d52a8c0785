# syntax=docker/dockerfile:1
# VideoHub image: build with the .NET SDK image, run on the ASP.NET Core runtime image with Debian's ffmpeg.
#
#   docker build --build-arg DOTNET_IMAGES=<registry>/dotnet -t videohub .
#
# DOTNET_IMAGES is the repository path under which your organisation pulls Microsoft's official .NET images
# (the "dotnet" namespace of Microsoft's container registry, or an intranet mirror of it); it must provide
# sdk:10.0 and aspnet:10.0.
ARG DOTNET_IMAGES

FROM ${DOTNET_IMAGES}/sdk:10.0 AS build
WORKDIR /src
# Restore first, so the package layer is cached while only code changes.
COPY global.json Directory.Build.props Directory.Packages.props VideoHub.csproj ./
RUN dotnet restore VideoHub.csproj
COPY . .
# System packages belong to the runtime stage below, not to the build.
RUN dotnet publish VideoHub.csproj -c Release -o /app --no-restore -p:VIDEOHUB_SKIP_SYSTEM_PACKAGES=true

FROM ${DOTNET_IMAGES}/aspnet:10.0 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg fonts-dejavu-core curl \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
# Everything VideoHub writes (database, media, keys) lives in the /data volume, owned by the non-root user.
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
ENV Data__Path=/data \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_GENERATE_ASPNET_CERTIFICATE=false
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl --fail --silent --max-time 4 http://127.0.0.1:8080/healthz > /dev/null || exit 1
ENTRYPOINT ["dotnet", "VideoHub.dll"]
