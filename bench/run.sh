#!/usr/bin/env bash
# Builds the service and the load generator in Release and runs every benchmark scenario on a fresh SQLite
# database (or PostgreSQL: SCIMCLEAN_BENCH_POSTGRES="Host=...;Database=...;Username=...;Password=..."),
# then prints one table. Extra arguments go to the benchmark (e.g. --steady-users 20000 --duration 5).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Api/ScimClean.Api.csproj -c Release -v quiet -nologo
dotnet build bench/ScimClean.Bench/ScimClean.Bench.csproj -c Release -v quiet -nologo
dotnet bench/ScimClean.Bench/bin/Release/net10.0/ScimClean.Bench.dll \
  --api "$PWD/src/Api/bin/Release/net10.0/ScimClean.Api.dll" "$@"
