package org.normdoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the project's corpora and their own scratch directory (set by CTest). */
final class TestData {
    private TestData() {}

    static Path source() { return Path.of(System.getProperty("normdoc.source", ".")); }
    static Path jiangyin() { return source().resolve("examples/jiangyin.xml"); }
    static Path bindings(String name) { return source().resolve("tests/data/bindings").resolve(name); }

    /** A fresh directory of this test class's own (CTest runs classes as parallel processes). */
    static Path scratch(String name) throws IOException {
        Path dir = Path.of(System.getProperty("normdoc.scratch", System.getProperty("java.io.tmpdir"))).resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    static Corpus open(Path path) throws Exception {
        return Corpus.open(path).orElseThrow();
    }
}
