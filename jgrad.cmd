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

rem The JIT, chosen as ./jgrad chooses it (docs/cli.md): JGRAD_JIT=auto (the default) runs `train` on
rem CSV files whose bytes times epochs come to at most 64 MB on the quick compiler alone (C1, no
rem profiling) and without the Vector API module; quick always does, full never. Same bits either way.
set "JIT=%JGRAD_JIT%"
if not defined JIT set "JIT=auto"
if not "%JIT%"=="auto" if not "%JIT%"=="quick" if not "%JIT%"=="full" (
  echo jgrad: JGRAD_JIT must be auto, quick or full, not '%JIT%' 1>&2
  exit /b 2
)
if not "%JIT%"=="auto" goto jit_chosen
set "JIT=full"
if "%~1"=="train" call :jit_auto %*
:jit_chosen
rem With the JVM's tiers: the tensor engine's and the Vector API's code compiled sooner (cli\compile-commands.txt says why).
set "TIERS="
if exist "%ROOT%cli\compile-commands.txt" set "TIERS="-XX:CompileCommandFile=%ROOT%cli\compile-commands.txt""
if not "%JIT%"=="quick" goto tiers_chosen
set "TIERS=-XX:TieredStopAtLevel=1"
set "JGRAD_VECTOR=off"
:tiers_chosen

rem The tensor engine's fast matrix kernel needs the incubating Vector API module. cmd cannot drop
rem the one-line notice the JVM prints for it, as ./jgrad does, so here it is opt-in: set
rem JGRAD_VECTOR=on. Without it every product runs on plain loops, with the same results.
if /i "%JGRAD_VECTOR%"=="on" (
  "%JAVA%" --add-modules jdk.incubator.vector %TIERS% %JGRAD_JAVA_OPTS% -jar "%JAR%" %*
) else (
  "%JAVA%" %TIERS% %JGRAD_JAVA_OPTS% -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%

rem JGRAD_JIT=auto for `train`: quick when the --csv and --test files' bytes times --epochs (default
rem 100, at most 9 digits) come to at most 64 MB. cmd splits --csv=FILE at the '=' as at a space, so
rem both spellings arrive as two arguments. set /a counts in 32 bits: a file of 10 digits of bytes, or
rem a sum past the limit, is simply too big, and the product is compared as bytes <= limit / epochs.
:jit_auto
set /a "JIT_LIMIT=64 << 20"
set "BYTES=0"
set "EPOCHS=100"
set "BIG=0"
:jit_arg
if "%~1"=="" goto jit_sum
if "%~1"=="--csv" call :jit_file "%~2"
if "%~1"=="--test" call :jit_file "%~2"
if "%~1"=="--epochs" set "EPOCHS=%~2"
shift
goto jit_arg
:jit_sum
if "%BIG%"=="1" goto :eof
if %BYTES% LEQ 0 goto :eof
if "%EPOCHS%"=="" goto :eof
for /f "delims=0123456789" %%x in ("%EPOCHS%") do goto :eof
rem Leading zeros off: set /a would read 010 as octal.
:jit_zeros
if "%EPOCHS:~0,1%"=="0" if not "%EPOCHS%"=="0" (
  set "EPOCHS=%EPOCHS:~1%"
  goto jit_zeros
)
if not "%EPOCHS:~9%"=="" goto :eof
if %EPOCHS% EQU 0 (
  set "JIT=quick"
  goto :eof
)
set /a "ROOM=JIT_LIMIT / EPOCHS"
if %BYTES% LEQ %ROOM% set "JIT=quick"
goto :eof

rem Adds the bytes of a file that exists (not a folder; else the command itself says what is wrong),
rem once the sum is past the limit no more.
:jit_file
if "%BIG%"=="1" goto :eof
if "%~1"=="" goto :eof
if not exist "%~1" goto :eof
if exist "%~1\*" goto :eof
set "SIZE=%~z1"
if not "%SIZE:~9%"=="" (
  set "BIG=1"
  goto :eof
)
set /a "BYTES+=SIZE"
if %BYTES% GTR %JIT_LIMIT% set "BIG=1"
goto :eof
