# Builds the Windows installer (.msi) with jpackage: an app image with a jlink'd runtime, class-data
# sharing trained by starting the app once (the AOT cache on JDK 25+), then the msi.
# Needs a JDK 17+ (JAVA_HOME) and the WiX Toolset on the PATH (WiX 3 for JDK 17-23, WiX 3 or 4+ for 24+).
# Usage: powershell -ExecutionPolicy Bypass -File packaging\windows\build-installer.ps1
$ErrorActionPreference = "Stop"
$root = (Resolve-Path "$PSScriptRoot\..\..").Path
$here = "$root\packaging\windows"
$javaHome = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { Split-Path (Split-Path (Get-Command javac).Source) }
$jpackage = "$javaHome\bin\jpackage.exe"
$java = "$javaHome\bin\java.exe"
$feature = [int](& $java -XshowSettings:properties -version 2>&1 | Select-String "java.specification.version" | ForEach-Object { ($_ -split "=")[1].Trim() })
[xml]$pom = Get-Content "$root\pom.xml"
$version = $pom.project.version -replace "-SNAPSHOT", ""
$target = "$root\app\target"
$dist = "$target\dist"

if (-not (Test-Path "$target\token-explorer.jar")) { & mvn -q -B -f "$root\pom.xml" -pl app package -DskipTests }
if (Test-Path $dist) { Remove-Item -Recurse -Force $dist }
New-Item -ItemType Directory "$dist\input", "$dist\fx" | Out-Null
Set-Content "$dist\manifest.txt" "Implementation-Title: Token Explorer`nImplementation-Version: $version`n"   # for --version
& "$javaHome\bin\jar.exe" --create --file "$dist\input\token-explorer.jar" --manifest "$dist\manifest.txt" --main-class dev.tokenexplorer.Launcher -C "$target\classes" .
Get-ChildItem "$target\lib\*.jar" | ForEach-Object {
  if ($_.Name -like "javafx-*-win.jar") { Copy-Item $_.FullName "$dist\fx\" }
  elseif ($_.Name -notlike "javafx-*") { Copy-Item $_.FullName "$dist\input\" }
}

$modules = "java.base,java.desktop,java.logging,java.prefs,jdk.unsupported,javafx.base,javafx.graphics,javafx.controls"
if ((& $java --list-modules) -match "^jdk.crypto.ec@") { $modules += ",jdk.crypto.ec" }
$jlinkOptions = "--strip-debug --no-man-pages --no-header-files"
if ($feature -lt 25) { $jlinkOptions += " --generate-cds-archive" }
# The collector (why: packaging/linux/build-installer.sh): G1 where the AOT cache can hold objects for it, else ZGC.
if ($feature -ge 25) { $javaOptions = @("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=10") } else { $javaOptions = @("-XX:+UseZGC") }
$javaOptions += @("-Xms16m", "-Xmx2g", "-Xss1m")
if ($feature -ge 21 -and $feature -le 22) { $javaOptions += "-XX:+ZGenerational" }
if ($feature -ge 22) { $javaOptions += "--enable-native-access=javafx.graphics,ALL-UNNAMED" }
if ($feature -ge 24) { $javaOptions += "--sun-misc-unsafe-memory-access=allow" }
$optionArgs = $javaOptions | ForEach-Object { "--java-options", $_ }
# token-explorer-cli.exe: the commands for scripts, in a console, with the serial collector (see packaging/linux).
# C2 only for the signature arithmetic, JVM output off stdout (see packaging\common\cli-compiler-directives.json).
$cliOptions = @("-XX:+UseSerialGC", "-Xmx2g", "-Xss1m", "-Xmn32m", "-XX:CompileThresholdScaling=0.5", "-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput", "-Xlog:disable", "-Xlog:all=warning:stderr")
Copy-Item "$root\packaging\common\cli-compiler-directives.json" "$dist\input\"
if ($feature -ge 24) { $cliOptions += "--sun-misc-unsafe-memory-access=allow" }
Set-Content "$dist\token-explorer-cli.properties" "java-options=$($cliOptions -join ' ')`nwin-console=true`nwin-shortcut=false`nwin-menu=false"
$common = @("--name", "Token Explorer", "--app-version", $version, "--vendor", "Token Explorer",
            "--description", "Explains Kubernetes service account tokens, offline",
            "--copyright", "Copyright Token Explorer contributors")

& $jpackage --type app-image @common --input "$dist\input" --main-jar token-explorer.jar --main-class dev.tokenexplorer.Launcher `
  --module-path "$dist\fx" --add-modules $modules --jlink-options $jlinkOptions `
  --icon "$root\icons\token-explorer.ico" @optionArgs --add-launcher "token-explorer-cli=$dist\token-explorer-cli.properties" --dest $dist
$image = "$dist\Token Explorer"
Add-Content "$image\app\token-explorer-cli.cfg" 'java-options=-XX:CompilerDirectivesFile=$APPDIR\cli-compiler-directives.json'

if ($feature -ge 25) {
  $env:JAVA_TOOL_OPTIONS = "-XX:AOTCacheOutput=$image\app\token-explorer.aot"
  & "$image\Token Explorer.exe" --exit-when-shown "$root\app\src\test\resources\fixtures\seed-v1.24-projected-bound-pod.jwt" | Out-Null
  Remove-Item Env:\JAVA_TOOL_OPTIONS
  Add-Content "$image\app\Token Explorer.cfg" 'java-options=-XX:AOTCache=$APPDIR\token-explorer.aot'
}

# The upgrade UUID never changes: it lets a new version replace an installed one.
& $jpackage --type msi @common --app-image $image `
  --win-menu --win-menu-group "Token Explorer" --win-shortcut --win-shortcut-prompt `
  --win-dir-chooser --win-per-user-install `
  --win-upgrade-uuid "6f1b7c52-3d4e-4a8b-9c2f-1e5d7a9b3c41" `
  --file-associations "$here\jwt.properties" --file-associations "$here\token.properties" `
  --icon "$root\icons\token-explorer.ico" --dest $dist
Get-ChildItem "$dist\*.msi"
