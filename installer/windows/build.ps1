<#
.SYNOPSIS
Builds Fleetdesk's Windows installer: a runtime made by jlink, the app image, then an .msi in target\installer.

.DESCRIPTION
  powershell -NoProfile -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-PerUser] [-SkipMaven]

-PerUser      an .msi that installs for the current user only, without administrator rights, into
              %LOCALAPPDATA%\Programs\Fleetdesk (Fleetdesk-<version>-per-user.msi); without it the .msi installs
              for all users into Program Files and asks for administrator rights.
-SkipMaven    Maven has just run "-Pinstaller package" (that is how the installer profile calls this script);
              otherwise the script runs it, with tests skipped.

Needs a JDK 17 with its jmods (jlink, jpackage, jar: from JAVA_HOME, else the PATH) and WiX Toolset 3 (candle.exe
and light.exe on the PATH or in its default folder): jpackage 17 builds an .msi with WiX 3 only.
#>
param([switch]$PerUser, [switch]$SkipMaven)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Set-Location (Join-Path $PSScriptRoot '..\..')

function Invoke-Tool([string]$Tool, [string[]]$Arguments) {
    & $Tool @Arguments
    if ($LASTEXITCODE -ne 0) { throw "installer/windows/build.ps1: $Tool failed (exit code $LASTEXITCODE)" }
}

$started = Get-Date
$jdkBin = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME 'bin' } else {
    $jpackageCommand = Get-Command jpackage.exe -ErrorAction SilentlyContinue
    if (-not $jpackageCommand) { throw 'jpackage.exe not found: install a JDK 17 (e.g. Temurin 17) or set JAVA_HOME' }
    Split-Path $jpackageCommand.Source
}
$jlink = Join-Path $jdkBin 'jlink.exe'
$jpackage = Join-Path $jdkBin 'jpackage.exe'
$jar = Join-Path $jdkBin 'jar.exe'
foreach ($tool in $jlink, $jpackage, $jar) {
    if (-not (Test-Path $tool)) { throw "$tool not found: install a full JDK 17 or set JAVA_HOME" }
}
if (-not (Test-Path (Join-Path $jdkBin '..\jmods'))) { throw "$jdkBin\..\jmods is missing, which jlink needs: use a full JDK 17" }

if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    $wix = Resolve-Path "${env:ProgramFiles(x86)}\WiX Toolset v3*\bin" -ErrorAction SilentlyContinue |
        Sort-Object Path -Descending | Select-Object -First 1
    if (-not $wix) { throw 'WiX Toolset 3 not found (candle.exe, light.exe): install it, e.g. choco install wixtoolset --version 3.14.1' }
    $env:PATH = "$($wix.Path);$env:PATH"
}

if (-not $SkipMaven) {
    Invoke-Tool 'mvn' @('-B', '-ntp', '-Pinstaller', '-DskipTests', '-Dinstaller.skipScript=true', 'package')
}

$properties = 'target\classes\org\fleetdesk\version.properties'
if (-not (Test-Path $properties)) { throw "$properties is missing: run mvn -Pinstaller package first" }
$version = ((Get-Content $properties | Where-Object { $_ -match '^version=' }) -replace '^version=', '').Trim()
# jpackage takes numbers only: 0.2.0-SNAPSHOT is packaged as 0.2.0.
$appVersion = $version -replace '-.*$', ''
$work = 'target\jpackage'
$appJar = "target\fleetdesk-$version.jar"
if (-not (Test-Path $appJar)) { throw "$appJar is missing: run mvn -Pinstaller package first" }
if (-not (Test-Path "$work\classpath.txt")) { throw "$work\classpath.txt is missing: run mvn -Pinstaller package first" }

Write-Host '== input: the app jar, its runtime dependencies and JavaFX''s native libraries'
foreach ($folder in 'input', 'runtime', 'image') {
    if (Test-Path "$work\$folder") { Remove-Item -Recurse -Force "$work\$folder" }
}
New-Item -ItemType Directory "$work\input" | Out-Null
Copy-Item $appJar "$work\input\fleetdesk.jar"
foreach ($dependency in ((Get-Content -Raw "$work\classpath.txt").Trim() -split ';')) {
    # The javafx-* artifacts without a platform classifier are empty stubs; the -win ones hold the classes.
    if ((Split-Path -Leaf $dependency) -notmatch '^javafx-[a-z]+-[0-9][0-9.]*\.jar$') {
        Copy-Item $dependency "$work\input\"
    }
}
Push-Location "$work\input"
try {
    foreach ($javafxJar in Get-ChildItem 'javafx-*.jar') {
        $libraries = @(& $jar tf $javafxJar.Name | Where-Object { $_ -like '*.dll' })
        if ($libraries.Count -gt 0) { Invoke-Tool $jar (@('xf', $javafxJar.Name) + $libraries) }
    }
} finally {
    Pop-Location
}

Write-Host '== runtime (jlink)'
# No --compress: the installer compresses better than jlink does.
$modules = (Get-Content 'installer\jlink-modules.txt' | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
Invoke-Tool $jlink @('--add-modules', $modules, '--strip-debug', '--no-man-pages', '--no-header-files',
    '--strip-native-commands', '--output', "$work\runtime")

Write-Host '== app image'
# Quoted: an unquoted @name is PowerShell's splatting.
Invoke-Tool $jpackage @('@jpackage.cfg', '--type', 'app-image', '--app-version', $appVersion,
    '--icon', 'icons\fleetdesk.ico', '--dest', "$work\image")
$reported = (& "$work\image\Fleetdesk\fleetdesk-cli.exe" --version | Out-String).Trim()
if ($reported -ne "fleetdesk $version") {
    throw "the app image's fleetdesk-cli --version printed '$reported', not 'fleetdesk $version'"
}

Write-Host '== msi'
$msiOptions = @('@jpackage.cfg', '@installer/windows/windows.cfg', '--type', 'msi', '--app-version', $appVersion)
$msiName = "Fleetdesk-$appVersion.msi"
$destination = 'target\installer'
if ($PerUser) {
    # jpackage's per-user default, %LOCALAPPDATA%\Fleetdesk, is where the app keeps its data (AppPaths).
    $msiOptions += @('--win-per-user-install', '--install-dir', 'Programs\Fleetdesk')
    $destination = "$work\per-user"
}
New-Item -ItemType Directory -Force 'target\installer', $destination | Out-Null
Remove-Item -Force -ErrorAction SilentlyContinue "$destination\$msiName"
Invoke-Tool $jpackage ($msiOptions + @('--dest', $destination))
if ($PerUser) {
    Move-Item -Force "$destination\$msiName" "target\installer\Fleetdesk-$appVersion-per-user.msi"
    $msiName = "Fleetdesk-$appVersion-per-user.msi"
}

$msi = Get-Item "target\installer\$msiName"
Write-Host ('== done in {0:N0} s' -f ((Get-Date) - $started).TotalSeconds)
Write-Host ('{0}  {1:N1} MB' -f $msi.FullName, ($msi.Length / 1MB))
