@echo off
rem Runs jgrad on Windows, building it first (with the Maven wrapper) when the jar is missing or older
rem than any source. Arguments go to the jar unchanged: jgrad --help, jgrad demo, ...
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%cli\target\jgrad.jar"

rem Stale when the jar is missing or a pom.xml or main source is newer (PowerShell compares the times).
set "STALE=1"
if exist "%JAR%" (
  powershell -NoProfile -Command ^
    "$jar = (Get-Item -LiteralPath $env:JAR).LastWriteTime;" ^
    "$src = @(Get-Item -LiteralPath (Join-Path $env:ROOT 'pom.xml')) + @(Get-ChildItem -Path $env:ROOT -Directory | ForEach-Object { Get-ChildItem -LiteralPath $_.FullName -Filter pom.xml -File; $m = Join-Path $_.FullName 'src\main'; if (Test-Path $m) { Get-ChildItem -LiteralPath $m -Recurse -File } });" ^
    "if ($src | Where-Object { $_.LastWriteTime -gt $jar } | Select-Object -First 1) { exit 1 } else { exit 0 }" >nul 2>&1
  if not errorlevel 1 set "STALE=0"
)
if "%STALE%"=="1" (
  echo jgrad: building ^(first use or sources changed^) ... 1>&2
  pushd "%ROOT%"
  call mvnw.cmd -B -DskipTests -Dmaven.test.skip=true -pl cli -am package 1>&2
  if errorlevel 1 (
    popd
    echo jgrad: build failed; run "mvnw.cmd -B verify" to see why 1>&2
    exit /b 1
  )
  popd
)

set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"

rem The tensor engine's fast matrix kernel needs the incubating Vector API module. cmd cannot drop
rem the one-line notice the JVM prints for it, as ./jgrad does, so here it is opt-in: set
rem JGRAD_VECTOR=on. Without it every product runs on plain loops, with the same results.
if /i "%JGRAD_VECTOR%"=="on" (
  "%JAVA%" --add-modules jdk.incubator.vector %JGRAD_JAVA_OPTS% -jar "%JAR%" %*
) else (
  "%JAVA%" %JGRAD_JAVA_OPTS% -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
