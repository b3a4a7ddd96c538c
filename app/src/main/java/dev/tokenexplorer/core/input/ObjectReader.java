package dev.tokenexplorer.core.input;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one reader of YAML and JSON: pastes, files, dumps, multi-document YAML, {@code List}s. It
 * hands over one object at a time, so a dump of any size needs the memory of one object, and the
 * same {@link Limits} hold for every caller (the Explore page, {@code inspect}, the Audit).
 *
 * <p>Kubernetes' own decoder is the reference: duplicate keys in a map are refused (with line and
 * column), YAML merge keys ({@code <<: *base}) are applied, no tag is ever honoured and no object
 * other than maps, lists and scalars is built. An alias is not copied, but its expanded size counts
 * against the node budget, so an alias bomb stops at the budget instead of exhausting memory later.
 */
public final class ObjectReader {

    /**
     * Bounds on what one read builds. Per object, not per file: one hostile object in a large dump
     * cannot exhaust memory, and a large dump of ordinary objects still reads.
     *
     * @param maxNesting        maps and lists inside each other; Kubernetes objects use about 10
     * @param maxScalarChars    one string: 1.5 MiB, what the largest Kubernetes object (a 1 MiB Secret or ConfigMap)
     *                          can hold in one value once base64-encoded. It also bounds snakeyaml's cost, which
     *                          grows with the square of one plain scalar's length
     * @param maxNodesPerObject values in one object, aliases counted as expanded
     */
    public record Limits(int maxNesting, int maxScalarChars, int maxNodesPerObject) {
        public static final Limits DEFAULT = new Limits(100, 3 * 512 * 1024, 500_000);
    }

    /** Where a value stands in the input. */
    public enum Role {
        /** A document that is not a list. */
        OBJECT,
        /** An element of a list ({@code items} of a {@code List}, or a top-level array). */
        LIST_ITEM,
        /** The list itself, after its items, without them: its kind, and how many there were. */
        LIST_END
    }

    /**
     * One value read.
     *
     * @param document 1-based number of the YAML document or JSON value it is in
     * @param index    its position in its list (LIST_ITEM), the number of items (LIST_END), or -1
     */
    public record Item(Role role, JsonNode value, int document, int index) {
    }

    /** Input that cannot be read; the message says what was wrong and where, for a user. */
    public static final class ReadException extends Exception {
        public ReadException(String message) {
            super(message, null, false, false);
        }
    }

    /** Receives items as they are read; it may throw to stop the read (a cancel). */
    @FunctionalInterface
    public interface Sink {
        void accept(Item item);
    }

    private ObjectReader() {
    }

    /** Reads text that is already in memory (a paste, a file read by {@link InputFiles}). */
    public static void read(String text, Limits limits, Sink sink) throws ReadException {
        String trimmed = text.stripLeading();
        try {
            if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
                JsonTrees.read(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.UTF_8)), limits, Projection.ALL, sink);
            } else {
                YamlTrees.read(new StringReader(text), limits, sink);
            }
        } catch (IOException e) {
            throw new ReadException("the text could not be read: " + e.getMessage()); // not reached for in-memory text
        }
    }

    /**
     * Reads a stream of UTF-8 text: JSON when it starts with { or [ (read as bytes, the fast way,
     * building only what {@code projection} keeps), YAML otherwise (built whole).
     */
    public static void read(InputStream in, Limits limits, Projection projection, Sink sink) throws IOException, ReadException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
        buffered.mark(4096);
        int first;
        int skipped = 0;
        do {
            first = buffered.read();
            skipped++;
        } while ((first == ' ' || first == '\t' || first == '\r' || first == '\n') && skipped < 4000);
        buffered.reset();
        if (first == -1) {
            return;
        }
        if (first == '{' || first == '[') {
            JsonTrees.read(buffered, limits, projection, sink);
        } else {
            YamlTrees.read(new InputStreamReader(buffered, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), limits, sink);
        }
    }

    static String longer(Limits limits) {
        int max = limits.maxScalarChars();
        return "a value is longer than " + (max >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", max / (1024.0 * 1024.0))
                + " (the most a Kubernetes object can hold)" : max + " characters");
    }

    /** " (line 3, column 7)" for 1-based positions, as users count them. */
    static String at(int line, int column) {
        return " (line " + line + ", column " + column + ")";
    }

    /** Counts what one object builds, aliases as expanded; the caller throws what it returns. */
    static final class Budget {
        private final Limits limits;
        private long used;

        Budget(Limits limits) {
            this.limits = limits;
        }

        void reset() {
            used = 0;
        }

        long used() {
            return used;
        }

        void restore(long used) {
            this.used = used;
        }

        /** Spends {@code nodes}; true when that goes over the budget. */
        boolean spend(long nodes) {
            used += nodes;
            return used > limits.maxNodesPerObject();
        }

        ReadException tooMany(String where) {
            return new ReadException("one object holds more than " + String.format(java.util.Locale.ROOT, "%,d", limits.maxNodesPerObject())
                    + " values, counting each alias as what it repeats (an alias bomb?)" + where);
        }

        boolean tooDeep(int depth) {
            return depth > limits.maxNesting();
        }

        ReadException tooDeep(String where) {
            return new ReadException("it is nested deeper than " + limits.maxNesting() + " levels" + where);
        }

        boolean tooLong(int length) {
            return length > limits.maxScalarChars();
        }

        ReadException tooLong(String where) {
            return new ReadException(longer(limits) + where);
        }
    }
}
