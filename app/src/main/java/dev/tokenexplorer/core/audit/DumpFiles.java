package dev.tokenexplorer.core.audit;

import dev.tokenexplorer.core.input.InputFiles;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The files of an audit: folders searched for YAML and JSON manifests, each file opened through
 * the one file reader with the audit's size cap, refused when binary, and counted as it is read
 * (for progress). What cannot be read becomes a problem, "file: what was wrong".
 */
final class DumpFiles {

    /** Larger than any cluster's Secrets dump; the dump is streamed, so this bounds time, not memory. */
    static final long MAX_DUMP_BYTES = 1024L * 1024 * 1024;
    /** How deep folders of manifests are searched. */
    static final int MAX_FOLDER_DEPTH = 8;

    private DumpFiles() {
    }

    /** Files as themselves, folders as the .yaml, .yml and .json files below them, in name order. */
    static List<Path> expand(List<Path> inputs, List<String> problems) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> found = Files.walk(input, MAX_FOLDER_DEPTH)) {
                    found.filter(Files::isRegularFile)
                            .filter(p -> p.getFileName().toString().matches("(?i)[^.].*\\.(ya?ml|json)"))
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | RuntimeException e) {
                    problems.add(input + ": the folder cannot be read: " + e.getMessage());
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file's bytes, counted into {@code read}; null (and a problem said) when it cannot be an audit's input. */
    static InputStream open(Path file, LongConsumer read, List<String> problems) throws IOException {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_DUMP_BYTES) {
                problems.add(name + ": the file is " + InputFiles.over(size, MAX_DUMP_BYTES) + " of an audit.");
                return null;
            }
            InputStream in = new Counting(new BufferedInputStream(InputFiles.open(file, MAX_DUMP_BYTES), 1 << 16), read);
            in.mark(8192);
            byte[] head = in.readNBytes(8192);
            in.reset();
            for (byte b : head) {
                if (b == 0) {
                    in.close();
                    problems.add(name + ": a binary file (it holds NUL bytes), not a YAML or JSON dump.");
                    return null;
                }
            }
            return in;
        } catch (NoSuchFileException e) {
            problems.add(name + ": the file does not exist.");
        } catch (AccessDeniedException e) {
            problems.add(name + ": the file cannot be read: permission denied.");
        } catch (IOException e) {
            problems.add(name + ": the file cannot be read: " + e.getMessage());
        }
        return null;
    }

    /** Counts the bytes read, for progress. */
    private static final class Counting extends FilterInputStream {
        private final LongConsumer read;
        private long count;
        private long mark;
        private long reported;

        Counting(InputStream in, LongConsumer read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public synchronized void mark(int limit) {
            super.mark(limit);
            mark = count;
        }

        @Override
        public synchronized void reset() throws IOException {
            super.reset();
            count = mark;
        }

        private void advance(long n) {
            count += n;
            if (count - reported >= 256 * 1024) {
                reported = count;
                read.accept(count);
            }
        }
    }
}
