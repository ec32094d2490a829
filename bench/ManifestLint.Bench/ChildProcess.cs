using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ManifestLint.Bench;

/// <summary>One run of the published tool as a whole process: wall time from start to exit, CPU time, peak memory.</summary>
internal sealed record ProcessSample(double WallMs, double UserMs, double SystemMs, long PeakKiB, int ExitCode);

/// <summary>
/// Runs a command through a fresh copy of the benchmark (<c>child</c> mode), so that getrusage(RUSAGE_CHILDREN)
/// there sees exactly one child: the tool. Its peak RSS is then the tool's alone, not the build's or ours.
/// </summary>
internal static class ChildProcess
{
    private const int RusageChildren = -1;

    public static ProcessSample Measure(string workingDirectory, string executable, IReadOnlyList<string> arguments)
    {
        var start = SelfStartInfo();
        start.ArgumentList.Add("child");
        start.ArgumentList.Add(executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = workingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the benchmark's child mode");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var line = output.Split('\n').LastOrDefault(l => l.StartsWith("SAMPLE ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("the child run printed no sample: " + errors.Result);
        var f = line.Substring(7).Split(' ');
        return new ProcessSample(
            double.Parse(f[0], CultureInfo.InvariantCulture),
            double.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture),
            long.Parse(f[3], CultureInfo.InvariantCulture),
            int.Parse(f[4], CultureInfo.InvariantCulture));
    }

    /// <summary>The <c>child</c> mode: run the command, throw its output away, print one SAMPLE line.</summary>
    public static int RunChild(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        process.WaitForExit();
        var wall = stopwatch.Elapsed.TotalMilliseconds;
        errors.Wait();
        var usage = new long[18];
        if (getrusage(RusageChildren, usage) != 0)
        {
            usage = new long[18];
        }

        // struct rusage on 64-bit Linux: ru_utime {sec, usec}, ru_stime {sec, usec}, ru_maxrss (KiB), ...
        var user = usage[0] * 1000.0 + usage[1] / 1000.0;
        var system = usage[2] * 1000.0 + usage[3] / 1000.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SAMPLE {wall:F3} {user:F3} {system:F3} {usage[4]} {process.ExitCode}"));
        return 0;
    }

    public static ProcessStartInfo SelfStartInfo()
    {
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        return start;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, [Out] long[] usage);
}
