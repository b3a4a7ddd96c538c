package dev.tokenexplorer.ui.support;

import dev.tokenexplorer.core.finding.Severity;
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

    /** A finding as a wrapped label with its severity icon, coloured by the .finding style. */
    public static javafx.scene.control.Label finding(dev.tokenexplorer.core.finding.Finding finding) {
        javafx.scene.control.Label label = new javafx.scene.control.Label(finding.message(), severity(finding.severity()));
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        label.getStyleClass().add("finding");
        label.setTooltip(new javafx.scene.control.Tooltip(finding.severity().id() + " · " + finding.code()));
        PseudoClasses.severity(label, finding.severity());
        return label;
    }

    public static FontIcon severity(Severity severity) {
        FontIcon icon = new FontIcon(Feather.INFO);
        icon.getStyleClass().add("severity-icon");
        showSeverity(icon, severity);
        return icon;
    }

    /** Turns a severity icon into another severity's, so that table cells can keep one icon instead of making one per update. */
    public static void showSeverity(FontIcon icon, Severity severity) {
        icon.setIconCode(switch (severity) {
            case ERROR -> Feather.ALERT_OCTAGON;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case INFO -> Feather.INFO;
        });
        PseudoClasses.severity(icon, severity);
    }
}
