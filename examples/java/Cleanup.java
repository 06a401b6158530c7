// java -cp normdoc.jar:jna.jar:normdoc-examples.jar Cleanup CORPUS AS_OF [SCOPE]
//
// Prints what `normdoc cleanup CORPUS --as-of AS_OF [--scope SCOPE] --format csv` prints, to the
// byte, with the CLI's exit codes (SPEC §10, §14): 0 done, 1 invalid corpus, 2 bad arguments
// (a bad date, an unknown scope), 3 a file that cannot be read, 4 an internal failure.
import org.normdoc.CleanupReport;
import org.normdoc.Corpus;
import org.normdoc.Csv;
import org.normdoc.LoadResult;
import org.normdoc.NormDoc;
import org.normdoc.NormDocArgumentException;
import org.normdoc.NormDocException;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;

public final class Cleanup {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (args.length < 2 || args.length > 3) {
            err.println("usage: Cleanup CORPUS AS_OF [SCOPE]");
            return 2;
        }
        try {
            LocalDate asOf = NormDoc.parseDate(args[1]);  // a bad date is exit 2 before anything is read
            LoadResult loaded = Corpus.open(Path.of(args[0]));
            err.print(loaded.problemsText());             // errors, or warnings of a valid corpus
            if (!loaded.isValid()) return 1;
            try (Corpus corpus = loaded.corpus().get()) {
                CleanupReport report = corpus.cleanup(asOf, args.length == 3 ? args[2] : null, false);  // no details: the CSV lists codes
                Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                        StandardCharsets.UTF_8), 1 << 16);
                Csv.cleanup(report, out);
                out.flush();
            }
            return 0;
        } catch (NormDocArgumentException e) {
            err.println("Cleanup: " + e.getMessage());
            return e.exitCode();
        } catch (IOException | InvalidPathException e) {
            err.println("Cleanup: " + e.getMessage());
            return 3;
        } catch (NormDocException e) {
            err.println("Cleanup: internal error: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException | OutOfMemoryError | LinkageError e) {  // LinkageError: no libnormdoc_c
            err.println("Cleanup: internal error: " + e);
            return 4;
        }
    }
}
