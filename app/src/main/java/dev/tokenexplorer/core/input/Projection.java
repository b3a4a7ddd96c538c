package dev.tokenexplorer.core.input;

import java.util.Map;
import java.util.Set;

/**
 * Which fields of a JSON object a reader builds. A dump of 10,000 Secrets carries managedFields,
 * last-applied copies and other data that an audit never looks at: the parser skips them without
 * building them or decoding their strings. What is skipped is still checked for syntax and
 * duplicate keys, so skipping never changes whether an input is accepted.
 */
public final class Projection {

    /** Everything, as written. */
    public static final Projection ALL = new Projection(null, null);

    private final Map<String, Projection> fields;
    private final Set<String> keptStrings;

    private Projection(Map<String, Projection> fields, Set<String> keptStrings) {
        this.fields = fields;
        this.keptStrings = keptStrings;
    }

    /** An object with only these fields (in an array: each element so). */
    public static Projection fields(Map<String, Projection> fields) {
        return new Projection(Map.copyOf(fields), null);
    }

    /**
     * A map meant to hold only strings (annotations, labels): the kept keys are built, any value
     * that is not a string is built too (so that the caller can refuse it), the rest is skipped.
     */
    public static Projection stringMap(Set<String> kept) {
        return new Projection(null, Set.copyOf(kept));
    }

    boolean all() {
        return fields == null && keptStrings == null;
    }

    boolean isStringMap() {
        return keptStrings != null;
    }

    boolean keepsString(String key) {
        return keptStrings.contains(key);
    }

    /** The projection of a field, or null when it is skipped. */
    Projection field(String name) {
        return fields == null ? ALL : fields.get(name);
    }
}
