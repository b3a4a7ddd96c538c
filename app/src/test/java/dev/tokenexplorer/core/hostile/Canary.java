package dev.tokenexplorer.core.hostile;

/** A class hostile YAML asks to build; it records whether anyone ever did. */
public final class Canary {
    static volatile boolean constructed;

    public Canary() {
        constructed = true;
    }

    public Canary(String anything) {
        constructed = true;
    }
}
