#!/usr/bin/env bash
# Packs the XWebhooks package, then builds a fresh consumer app that references it from a local folder feed
# (not a project reference): the generator must run from the package, and a Native AOT publish of the app must
# give zero IL2xxx/IL3xxx warnings and dispatch a signed delivery to the app's handler.
set -euo pipefail
cd "$(dirname "$0")/.."
. eng/common.sh
root=$(pwd)
feed="$root/artifacts/packages"
work="$root/artifacts/package-consumer"
rm -rf "$feed" "$work"
mkdir -p "$feed" "$work"

echo "== dotnet pack: every shipped package"
for project in XWebhooks.Runtime XWebhooks.Management XWebhooks.Testing XWebhooks.Sqlite XWebhooks.Redis XWebhooks.Emulator XWebhooks.Cli; do
  dotnet pack "src/$project" -c Release -o "$feed" >>"$root/artifacts/pack.log" 2>&1 || { cat "$root/artifacts/pack.log"; exit 1; }
done
package=$(ls "$feed"/XWebhooks.[0-9]*.nupkg | head -1)
version=$(basename "$package" .nupkg); version=${version#XWebhooks.}
for id in XWebhooks XWebhooks.Management XWebhooks.Testing XWebhooks.Sqlite XWebhooks.Redis XWebhooks.Emulator XWebhooks.Cli; do
  [ -f "$feed/$id.$version.nupkg" ] || { echo "dotnet pack did not produce $id $version:"; ls "$feed"; exit 1; }
done
contents=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$package")
for expected in lib/net10.0/XWebhooks.dll analyzers/dotnet/cs/XWebhooks.Generators.dll analyzers/dotnet/cs/XWebhooks.Analyzers.dll analyzers/dotnet/cs/XWebhooks.Analyzers.CodeFixes.dll; do
  grep -qx "$expected" <<<"$contents" || { echo "package lacks $expected:"; echo "$contents"; exit 1; }
done
# The receiving core carries no test fixtures and no management code: those ship in their own packages.
python3 - "$package" "$feed/XWebhooks.Testing.$version.nupkg" <<'PY'
import sys, zipfile
core = zipfile.ZipFile(sys.argv[1]).read("lib/net10.0/XWebhooks.dll")
testing = zipfile.ZipFile(sys.argv[2]).read("lib/net10.0/XWebhooks.Testing.dll")
for marker in (b"XWebhooks.Examples/", b"XWebhooksClient", b"GapRecoveryService", b"XWebhookTestKit"):
    if marker in core:
        sys.exit(f"XWebhooks.dll still contains {marker.decode()}")
# Options are validated by plain code: DataAnnotations' ValidationContext would root TypeDescriptor in every AOT app.
if b"System.ComponentModel.Annotations" in core:
    sys.exit("XWebhooks.dll references System.ComponentModel.Annotations (see docs/architecture.md, Native AOT size)")
if b"XWebhooks.Examples/activity/post.create.json" not in testing:
    sys.exit("XWebhooks.Testing.dll lacks the documented examples")
PY
echo "packages $version: XWebhooks (lib, generator, analyzers, code fixes; no fixtures, no management), Management, Testing, Sqlite, Redis, Emulator, Cli"

# A stale copy of this version in the global cache would hide the package just built.
for id in xwebhooks xwebhooks.management xwebhooks.testing xwebhooks.sqlite xwebhooks.redis xwebhooks.emulator xwebhooks.cli; do
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/$id/$version"
done

cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local-xwebhooks" value="$feed" />
  </packageSources>
</configuration>
XML
# The layout of a real app: the web project references only a handler library, and only the library references
# the XWebhooks package (the package, generator included, reaches the web project through it). The web project's
# generator wires the library's handlers; a Native AOT publish must run them.
mkdir -p "$work/Consumer.Webhooks" "$work/Consumer"
cat >"$work/Consumer.Webhooks/Consumer.Webhooks.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <IsAotCompatible>true</IsAotCompatible>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="XWebhooks" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$work/Consumer.Webhooks/ConsumerHandlers.cs" <<'CS'
using Microsoft.Extensions.Logging;
using XWebhooks;
using XWebhooks.Events.Activity;

namespace Consumer.Webhooks;

public partial class ConsumerHandlers(ILogger<ConsumerHandlers> log)
{
    [XWebhookHandler]
    public void OnPost(PostCreated e) => log.LogWarning("consumer handled post.create {Id}", e.Payload?.Id);
}
CS
cat >"$work/Consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="../Consumer.Webhooks/Consumer.Webhooks.csproj" />
  </ItemGroup>
</Project>
XML
cat >"$work/Consumer/Program.cs" <<'CS'
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddXWebhooks(builder.Configuration.GetSection("XWebhooks"));
var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.Run();
CS
# Keep the consumer out of this repository's Directory.Build.props/targets and central package versions.
printf '<Project />\n' >"$work/Directory.Build.props"
printf '<Project />\n' >"$work/Directory.Build.targets"
printf '<Project />\n' >"$work/Directory.Packages.props"

echo "== consumer (web project + handler library): dotnet build"
(cd "$work/Consumer" && dotnet build -c Release >"$work/build.log" 2>&1) || { cat "$work/build.log"; exit 1; }
echo "== consumer: analyzer warnings show in a plain dotnet build"
bad="$work/../package-consumer-bad"
rm -rf "$bad"; mkdir -p "$bad"
cp "$work/nuget.config" "$work/Directory.Build.props" "$work/Directory.Build.targets" "$work/Directory.Packages.props" "$bad/"
sed 's|<TreatWarningsAsErrors>true</TreatWarningsAsErrors>|<TreatWarningsAsErrors>false</TreatWarningsAsErrors>|; s|<ProjectReference Include="../Consumer.Webhooks/Consumer.Webhooks.csproj" />|<PackageReference Include="XWebhooks" Version="'"$version"'" />|' "$work/Consumer/Consumer.csproj" >"$bad/Bad.csproj"
cat >"$bad/Program.cs" <<'CS'
using XWebhooks;
using XWebhooks.Events.Activity;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddXWebhooks(options => options.ConsumerSecret = "hard-coded-secret");
var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.Run();

public partial class BadHandlers
{
    [XWebhookHandler]
    public void OnPost(PostCreated e) => Thread.Sleep(100);
}
CS
(cd "$bad" && dotnet build -c Release >"$bad/build.log" 2>&1) || { cat "$bad/build.log"; exit 1; }
for rule in XWH100 XWH111; do
  grep -q "warning $rule" "$bad/build.log" || { echo "a plain build of a consumer did not report $rule:"; grep -E 'warning|error' "$bad/build.log"; exit 1; }
done
echo "plain dotnet build of a consumer reports XWH100 (Thread.Sleep in a handler) and XWH111 (secret literal)"

echo "== consumer: Native AOT publish"
(cd "$work/Consumer" && dotnet publish -c Release -r linux-x64 -o "$work/out" >"$work/publish.log" 2>&1) || { cat "$work/publish.log"; exit 1; }
if grep -E 'warning IL[23][0-9]{3}' "$work/publish.log"; then echo "consumer AOT publish has trim/AOT warnings"; exit 1; fi

secret=package-smoke-secret
port=$(free_port)
url="http://127.0.0.1:$port/webhooks/x"
XWebhooks__ConsumerSecret=$secret ASPNETCORE_URLS="http://127.0.0.1:$port" "$work/out/Consumer" >"$work/run.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 500); do curl -fsS "$url?crc_token=abc" >/dev/null 2>&1 && break; sleep 0.01; done
status=$(x_signed_post "$secret" tests/fixtures/activity/post.create.json "$url")
sleep 0.2
[ "$status" = 200 ] && grep -q 'consumer handled post.create 2080761390344937796' "$work/run.log" \
  || { echo "consumer did not handle the delivery (status $status):"; cat "$work/run.log"; exit 1; }
echo "generator ran from the package in both projects, AOT publish clean, the library's handler reached in the native consumer"
# The quickstart may not grow past its size before the package split (12,116,584 bytes at 13be75a, the same app):
# docs/architecture.md says what costs what.
size=$(stat -c %s "$work/out/Consumer")
limit=12116584
echo "quickstart native binary: $size bytes (before the split: $limit; ratio $(python3 -c "print(round($size/$limit, 3))"))"
[ "$size" -le "$limit" ] || { echo "the quickstart grew past $limit bytes"; exit 1; }

echo "== second consumer: XWebhooks.Management + XWebhooks.Sqlite (client, gap recovery, health, durable inbox)"
kill $pid 2>/dev/null || true
full="$work/Full"
mkdir -p "$full"
cat >"$full/Full.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <PublishAot>true</PublishAot>
    <InvariantGlobalization>true</InvariantGlobalization>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="XWebhooks.Management" Version="$version" />
    <PackageReference Include="XWebhooks.Sqlite" Version="$version" />
  </ItemGroup>
</Project>
XML
cat >"$full/Program.cs" <<'CS'
using Microsoft.Extensions.Logging;
using XWebhooks;
using XWebhooks.Events.Activity;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddXWebhooksClient(builder.Configuration.GetSection("XWebhooks:Client"));
builder.Services.AddXWebhooks(builder.Configuration.GetSection("XWebhooks"))
    .AddSqliteInbox(builder.Configuration.GetSection("XWebhooks:Inbox"))
    .AddGapRecovery(builder.Configuration.GetSection("XWebhooks:GapRecovery"));
builder.Services.AddHealthChecks().AddXWebhooksHealthCheck(builder.Configuration.GetSection("XWebhooks:Health"));
var app = builder.Build();
app.MapXWebhooks("/webhooks/x");
app.MapHealthChecks("/healthz");
app.Run();

public partial class FullHandlers(ILogger<FullHandlers> log)
{
    [XWebhookHandler]
    public void OnPost(PostCreated e) => log.LogWarning("full consumer handled post.create {Id}", e.Payload?.Id);
}
CS
(cd "$full" && dotnet publish -c Release -r linux-x64 -o "$full/out" >"$full/publish.log" 2>&1) || { cat "$full/publish.log"; exit 1; }
if grep -E 'warning IL[23][0-9]{3}' "$full/publish.log"; then echo "second consumer AOT publish has trim/AOT warnings"; exit 1; fi
port=$(free_port)
url="http://127.0.0.1:$port/webhooks/x"
(cd "$full" && XWebhooks__ConsumerSecret=$secret XWebhooks__Client__BearerToken=unused XWebhooks__Inbox__Path="$full/inbox.db" \
  ASPNETCORE_URLS="http://127.0.0.1:$port" "$full/out/Full" >"$full/run.log" 2>&1) &
pid=$!
for _ in $(seq 1 500); do curl -fsS "$url?crc_token=abc" >/dev/null 2>&1 && break; sleep 0.01; done
status=$(x_signed_post "$secret" tests/fixtures/activity/post.create.json "$url")
for _ in $(seq 1 100); do grep -q 'full consumer handled post.create 2080761390344937796' "$full/run.log" && break; sleep 0.05; done
health=$(curl -s "http://127.0.0.1:$port/healthz")
[ "$status" = 200 ] && grep -q 'full consumer handled post.create 2080761390344937796' "$full/run.log" && [ "$health" = Healthy ] \
  || { echo "second consumer: status $status, health '$health':"; cat "$full/run.log"; exit 1; }
[ -s "$full/inbox.db" ] || { echo "second consumer did not create its SQLite inbox"; exit 1; }
echo "second consumer: AOT publish clean ($(stat -c %s "$full/out/Full") bytes), delivery stored in SQLite and handled, /healthz Healthy"
kill $pid 2>/dev/null || true

echo "== consumer whose generator does not run: the app refuses to start and names the handler library"
kill $pid 2>/dev/null || true
unwired="$work/Unwired"
mkdir -p "$unwired"
cp "$work/Consumer/Program.cs" "$unwired/"
# The same web project with the XWebhooks generator taken out of its compilation (as when a project gets
# XWebhooks.dll without the package's analyzers): nothing wires the library's handlers.
sed 's|</Project>|  <Target Name="RemoveXWebhooksGenerator" BeforeTargets="CoreCompile">\n    <ItemGroup>\n      <Analyzer Remove="@(Analyzer)" Condition="'"'"'%(Filename)'"'"' == '"'"'XWebhooks.Generators'"'"'" />\n    </ItemGroup>\n  </Target>\n</Project>|' "$work/Consumer/Consumer.csproj" >"$unwired/Unwired.csproj"
(cd "$unwired" && dotnet build -c Release >"$work/build-unwired.log" 2>&1) || { cat "$work/build-unwired.log"; exit 1; }
# The refusal is an exception out of app.Run(), so the .NET host aborts (bash prints "Aborted"): that is the pass.
if XWebhooks__ConsumerSecret=$secret ASPNETCORE_URLS="http://127.0.0.1:$(free_port)" timeout 60 dotnet "$unwired/bin/Release/net10.0/Unwired.dll" >"$work/run-unwired.log" 2>&1; then
  echo "the app whose handler library was not wired started:"; cat "$work/run-unwired.log"; exit 1
fi
grep -q "Assembly 'Consumer.Webhooks' (Consumer.Webhooks.ConsumerHandlers): add .AddHandlers(XWebhooks.Generated.Consumer.Webhooks.XWebhookHandlers.Registration)" "$work/run-unwired.log" \
  || { echo "the refusal did not name the library and the fix:"; cat "$work/run-unwired.log"; exit 1; }
echo "unwired handler library: start refused with the library, its handler class and the fix named"
echo "Package smoke test passed"
