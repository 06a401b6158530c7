// mono NormDocBench.exe CORPUS AS_OF [REPS]: the C# side of the bindings' side-by-side run
// (scripts/bench-bindings): the whole clean-up, the status of every document, the status of one
// document (ns per call), as bench/bindings_cpp_bench.cpp times them in C++.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using NormDoc;

static class BindingsBench
{
    static long sink;

    static void Timed(string name, int reps, Func<long> op, double scale, string unit)
    {
        for (int i = 0; i < 2; ++i) sink += op();
        var t = new double[reps];
        var cpu = new double[reps];
        var self = Process.GetCurrentProcess();
        for (int i = 0; i < reps; ++i)
        {
            self.Refresh();
            var c0 = self.TotalProcessorTime;
            var w = Stopwatch.StartNew();
            sink += op();
            t[i] = w.Elapsed.TotalMilliseconds * scale;
            self.Refresh();
            cpu[i] = (self.TotalProcessorTime - c0).TotalMilliseconds * scale;
        }
        Array.Sort(t);
        Array.Sort(cpu);
        Console.WriteLine(string.Format("csharp {0,-16} {1,10:F3} {2,10:F3} {3,-8} cpu {4,10:F3}", name, t[0], t[reps / 2], unit, cpu[0]));
    }

    static int Main(string[] args)
    {
        Date asOf = Date.Parse(args[1]);
        int reps = args.Length > 2 ? int.Parse(args[2]) : 5;
        var w = Stopwatch.StartNew();
        LoadResult loaded = Corpus.Open(args[0]);
        if (!loaded.IsValid) return 1;
        using (Corpus corpus = loaded.Corpus)
        {
            Console.WriteLine(string.Format("csharp {0,-16} {1,10:F3} {1,10:F3} ms ({2} documents)", "load", w.Elapsed.TotalMilliseconds, corpus.DocumentCount));
            Timed("cleanup_detail", reps, () => corpus.Cleanup(asOf).Items.Count, 1, "ms");
            Timed("cleanup", reps, () => corpus.Cleanup(asOf, null, false).Items.Count, 1, "ms");
            Timed("status_all", reps, () => corpus.StatusAll(asOf).Count, 1, "ms");
            var all = corpus.StatusAll(asOf);
            int n = Math.Min(all.Count, 100000);
            var ids = new List<string>(n);
            for (int i = 0; i < n; ++i) ids.Add(all[i * (all.Count / n)].Id);
            Timed("status_one", reps, () => { long s = 0; foreach (string id in ids) s += (int)corpus.StatusOf(id, asOf).Status; return s; }, 1e6 / n, "ns/call");
        }
        Console.Error.WriteLine("(" + sink + ")");
        return 0;
    }
}
