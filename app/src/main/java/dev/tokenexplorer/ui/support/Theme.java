package dev.tokenexplorer.ui.support;

import java.net.URL;
import java.util.Objects;

/**
 * The window's two themes: AtlantaFX's Primer Light and Dark without the rules for controls the
 * window never creates, in JavaFX's binary form. {@link BinaryStylesheets} writes them at build time.
 */
public enum Theme {
    LIGHT("primer-light"),
    DARK("primer-dark");

    private final String name;

    Theme(String name) {
        this.name = name;
    }

    public static Theme of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** AtlantaFX's stylesheet this theme is made from, as a resource name. */
    String source() {
        return "/atlantafx/base/theme/" + name + ".css";
    }

    /** Where the build writes this theme, relative to the classes folder. */
    String resource() {
        return "dev/tokenexplorer/ui/support/" + name + ".bss";
    }

    /** The stylesheet to give {@code Application.setUserAgentStylesheet}. */
    public String url() {
        URL url = Theme.class.getClassLoader().getResource(resource());
        return Objects.requireNonNull(url, () -> resource() + " is missing: the build writes it (mvn process-classes)").toExternalForm();
    }
}
