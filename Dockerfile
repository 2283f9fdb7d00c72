# Build and run DirectiveHub.Web. docker-compose.yml runs it beside PostgreSQL 16.
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
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "DirectiveHub.Web.dll"]
