package dev.tokenexplorer.ui;

import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** A preferences node of its own for each test, removed afterwards. */
public final class TestPreferences {

    private TestPreferences() {
    }

    public static Preferences fresh() {
        return Preferences.userRoot().node("dev/tokenexplorer/test/" + UUID.randomUUID());
    }

    public static void remove(Preferences node) {
        try {
            node.removeNode();
        } catch (BackingStoreException | IllegalStateException e) {
            // already gone
        }
    }
}
