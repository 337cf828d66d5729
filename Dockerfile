# AleppoDashboard: one image with the web app and the ingest worker (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The web build copies Leaflet and Chart.js from npm (src/Web/package.json) and trims MudBlazor's stylesheet with postcss.
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/Web/Web.csproj -c Release -o /app/web \
 && dotnet publish src/Ingest/Ingest.csproj -c Release -o /app/ingest

FROM mcr.microsoft.com/dotnet/aspnet:10.0
COPY --from=build /app /app
COPY seeds /app/seeds
# Every setting is an environment variable with the app's own configuration key (Section__Key).
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__Path=/data/aleppo-dashboard.db \
    Seeds__Path=/app/seeds \
    Seeds__AutoIngest=true \
    Ingest__Folder=/data/articles
VOLUME /data
EXPOSE 8080
WORKDIR /app/web
ENTRYPOINT ["dotnet", "/app/web/AleppoDashboard.Web.dll"]
