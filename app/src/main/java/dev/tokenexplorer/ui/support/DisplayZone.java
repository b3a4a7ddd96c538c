package dev.tokenexplorer.ui.support;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** The one zone every time in the window shows in: the computer's, or UTC when the toggle says so. */
public final class DisplayZone {

    private final BooleanProperty utc = new SimpleBooleanProperty(this, "utc", false);
    private final ReadOnlyObjectWrapper<ZoneId> zone = new ReadOnlyObjectWrapper<>(this, "zone");

    public DisplayZone(ZoneId localZone) {
        zone.bind(Bindings.createObjectBinding(() -> utc.get() ? ZoneOffset.UTC : localZone, utc));
    }

    /** Whether every time in the window shows in UTC rather than the computer's zone. */
    public BooleanProperty utcProperty() { return utc; }

    /** The zone every time in the window shows in. */
    public ReadOnlyObjectProperty<ZoneId> zoneProperty() { return zone.getReadOnlyProperty(); }
}
