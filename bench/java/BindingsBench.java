// java -Xmx8g -Dnormdoc.library=… -cp normdoc.jar:jna.jar:normdoc-bench.jar BindingsBench CORPUS AS_OF [REPS]
//
// The Java side of the bindings' side-by-side run (scripts/bench-bindings, docs/PERFORMANCE.md):
// once loaded, the whole clean-up (a CleanupReport: every item and finding in Java objects), the
// status of every document (a List<DocumentStatus>) and the status of one document (ns per call,
// over up to 100,000 different ids). Prints `java OPERATION min median unit` lines, as the C++
// bench (bench/bindings_cpp_bench.cpp) does.
import org.normdoc.CleanupReport;
import org.normdoc.Corpus;
import org.normdoc.DocumentStatus;
import org.normdoc.NormDoc;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class BindingsBench {
    interface Op {
        long run();
    }

    static long sink;
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    static void timed(String name, int reps, Op op, double scale, String unit) {
        for (int i = 0; i < 2; ++i) sink += op.run();  // warm-up (and the JIT)
        double[] t = new double[reps], cpu = new double[reps];
        for (int i = 0; i < reps; ++i) {
            long t0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
            sink += op.run();
            cpu[i] = (OS.getProcessCpuTime() - c0) / 1e6 * scale;
            t[i] = (System.nanoTime() - t0) / 1e6 * scale;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        // wall min, wall median, unit, process CPU time min (all threads: GC and JIT included)
        System.out.printf("java %-16s %10.3f %10.3f %-8s cpu %10.3f%n", name, t[0], t[reps / 2], unit, cpu[0]);
    }

    public static void main(String[] args) throws Exception {
        LocalDate asOf = NormDoc.parseDate(args[1]);
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long t0 = System.nanoTime();
        try (Corpus corpus = Corpus.open(Path.of(args[0])).orElseThrow()) {
            double load = (System.nanoTime() - t0) / 1e6;
            System.out.printf("java %-16s %10.3f %10.3f ms (%d documents)%n", "load", load, load, corpus.documentCount());
            timed("cleanup_detail", reps, () -> {
                CleanupReport r = corpus.cleanup(asOf);
                return r.items().size() + r.items().get(r.items().size() / 2).findings().size();
            }, 1, "ms");
            timed("cleanup", reps, () -> {
                CleanupReport r = corpus.cleanup(asOf, null, false);
                return r.items().size() + r.items().get(r.items().size() / 2).findings().size();
            }, 1, "ms");
            timed("status_all", reps, () -> corpus.statusAll(asOf).size(), 1, "ms");
            timed("status_all_rows", reps, () -> {  // and a DocumentStatus object for every row
                long s = 0;
                for (DocumentStatus d : corpus.statusAll(asOf)) s += d.status().ordinal() + (d.amended() ? 1 : 0);
                return s;
            }, 1, "ms");
            List<DocumentStatus> all = corpus.statusAll(asOf);
            int n = Math.min(all.size(), 100_000);
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; ++i) ids.add(all.get(i * (all.size() / n)).id());
            timed("status_one", reps, () -> {
                long s = 0;
                for (String id : ids) s += corpus.status(id, asOf).status().ordinal();
                return s;
            }, 1e6 / n, "ns/call");
        }
        System.err.println("(" + sink + ")");
    }
}
