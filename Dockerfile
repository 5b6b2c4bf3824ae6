# syntax=docker/dockerfile:1
# ClinicPortal: build and publish framework-dependent on the .NET 10 SDK, then run it on the ASP.NET Core 10
# runtime image as a non-root user, with the SQLite file (and its keys and mail folders) on a volume.
# No Docker engine runs on the build machines, so this file is not built there.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ClinicPortal.sln ./
COPY src/ClinicPortal.Domain/ClinicPortal.Domain.csproj src/ClinicPortal.Domain/
COPY src/ClinicPortal.Application/ClinicPortal.Application.csproj src/ClinicPortal.Application/
COPY src/ClinicPortal.Infrastructure/ClinicPortal.Infrastructure.csproj src/ClinicPortal.Infrastructure/
COPY src/ClinicPortal/ClinicPortal.csproj src/ClinicPortal/
RUN dotnet restore src/ClinicPortal/ClinicPortal.csproj
COPY src/ src/
RUN dotnet publish src/ClinicPortal/ClinicPortal.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl answers the health check; tzdata carries the IANA time zones the practice settings name.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /data \
    && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Data__Directory=/data
VOLUME ["/data"]
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD curl --fail --silent http://127.0.0.1:8080/health/live || exit 1
ENTRYPOINT ["dotnet", "ClinicPortal.dll"]
