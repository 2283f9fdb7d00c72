# Build and run DirectiveHub.Web. docker-compose.yml runs it beside PostgreSQL 16.
# The build context is filtered by .dockerignore (no host bin/ or obj/).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/DirectiveHub/DirectiveHub.csproj src/DirectiveHub/
COPY src/DirectiveHub.Web/DirectiveHub.Web.csproj src/DirectiveHub.Web/
COPY src/DirectiveHub.Cli/DirectiveHub.Cli.csproj src/DirectiveHub.Cli/
RUN dotnet restore src/DirectiveHub.Web/DirectiveHub.Web.csproj && dotnet restore src/DirectiveHub.Cli/DirectiveHub.Cli.csproj
COPY src/ src/
RUN dotnet publish src/DirectiveHub.Web/DirectiveHub.Web.csproj -c Release -o /app/web --no-restore \
 && dotnet publish src/DirectiveHub.Cli/DirectiveHub.Cli.csproj -c Release -o /app/cli --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends tzdata && rm -rf /var/lib/apt/lists/*
COPY --from=build /app/web ./
COPY --from=build /app/cli ./cli/
# The data folders exist in the image, owned by the app user (uid $APP_UID = 1654): a new named volume mounted on
# /app/data takes this ownership, so the app can write attachments and mail from its first start.
# `directivehub` runs the operator commands (migrate, migrate --script, admin, sweep) inside the container.
RUN mkdir -p /app/data/attachments /app/data/mail-pickup \
 && chown -R "$APP_UID:$APP_UID" /app/data \
 && printf '#!/bin/sh\nexec dotnet /app/cli/directivehub.dll "$@"\n' > /usr/local/bin/directivehub \
 && chmod 755 /usr/local/bin/directivehub
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DIRECTIVEHUB_DATA=/app/data \
    Attachments__Path=/app/data/attachments \
    Mail__PickupFolder=/app/data/mail-pickup
EXPOSE 8080
VOLUME ["/app/data"]
USER $APP_UID
# The image has no curl: the app's own probe asks /health/ready on the local port and exits 0 or 1.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["dotnet", "/app/DirectiveHub.Web.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "DirectiveHub.Web.dll"]
