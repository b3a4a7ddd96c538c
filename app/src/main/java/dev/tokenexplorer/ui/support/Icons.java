package dev.tokenexplorer.ui.support;

import dev.tokenexplorer.core.token.Severity;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The app's icons, all from one Feather set so they look alike. */
public final class Icons {

    private Icons() {
    }

    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }

    public static FontIcon severity(Severity severity) {
        FontIcon icon = new FontIcon(switch (severity) {
            case ERROR -> Feather.ALERT_OCTAGON;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case INFO -> Feather.INFO;
        });
        icon.getStyleClass().add("severity-icon");
        PseudoClasses.severity(icon, severity);
        return icon;
    }
}
