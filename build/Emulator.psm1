# Starts and stops the emulator for the demo, the Pester tests and the benchmarks.
# The emulator binds to 127.0.0.1 on a free port and writes its URL to a file once it listens.

$script:RepositoryRoot = Split-Path $PSScriptRoot

function Get-EmulatorAssembly {
    [CmdletBinding()]
    param([string] $Configuration = 'Release')
    $path = Join-Path $script:RepositoryRoot "src/ChatAnywhere.Emulator/bin/$Configuration/net10.0/ChatAnywhere.Emulator.dll"
    if (-not (Test-Path $path)) { throw "The emulator is not built ($path). Run ./build.ps1 -Task Build first." }
    $path
}

function Start-Emulator {
    <#
    .SYNOPSIS
        Starts the emulator on loopback and returns its URL and process.
    #>
    [CmdletBinding()]
    param(
        [string] $ScenarioPath,
        [int] $Port = 0,
        [string] $Configuration = 'Release',
        [int] $StartTimeoutSec = 30,
        # https on a self-signed certificate made at start (nobody trusts it: a TLS failure to rehearse).
        [switch] $Https
    )
    $assembly = Get-EmulatorAssembly -Configuration $Configuration
    $work = Join-Path ([IO.Path]::GetTempPath()) ("ca-emulator-" + [guid]::NewGuid().ToString('n'))
    New-Item -ItemType Directory -Path $work | Out-Null
    $urlFile = Join-Path $work 'url'
    $arguments = @($assembly, '--port', "$Port", '--url-file', $urlFile)
    if ($ScenarioPath) { $arguments += @('--scenario', (Resolve-Path $ScenarioPath).Path) }
    if ($Https) { $arguments += '--https' }

    $start = [System.Diagnostics.ProcessStartInfo]::new((Get-Command dotnet -CommandType Application | Select-Object -First 1).Source)
    foreach ($argument in $arguments) { $start.ArgumentList.Add($argument) }
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    # Drain the pipes so a chatty emulator never blocks on a full buffer.
    $null = $process.StandardOutput.ReadToEndAsync()
    $errors = $process.StandardError.ReadToEndAsync()

    $deadline = [DateTime]::UtcNow.AddSeconds($StartTimeoutSec)
    while (-not (Test-Path $urlFile)) {
        if ($process.HasExited) { throw "The emulator exited with code $($process.ExitCode): $($errors.Result)" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw "The emulator did not start within $StartTimeoutSec s." }
        Start-Sleep -Milliseconds 50
    }
    [pscustomobject]@{
        PSTypeName = 'ChatAnywhere.EmulatorInstance'
        Url        = (Get-Content -Raw $urlFile).Trim()
        Process    = $process
        WorkFolder = $work
    }
}

function Stop-Emulator {
    <#
    .SYNOPSIS
        Stops an emulator started by Start-Emulator.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(5000)
        }
        Remove-Item -Recurse -Force $Emulator.WorkFolder -ErrorAction SilentlyContinue
    }
}

Export-ModuleMember -Function Start-Emulator, Stop-Emulator, Get-EmulatorAssembly
