package dev.tokenexplorer.ui.main;

import dev.tokenexplorer.core.Analyzer;
import dev.tokenexplorer.ui.audit.AuditView;
import dev.tokenexplorer.ui.audit.AuditViewModel;
import dev.tokenexplorer.ui.details.DetailsView;
import dev.tokenexplorer.ui.input.InputView;
import dev.tokenexplorer.ui.input.InputViewModel;
import dev.tokenexplorer.ui.support.DisplayZone;
import dev.tokenexplorer.ui.support.Lazily;
import dev.tokenexplorer.ui.support.TaskExecutor;
import dev.tokenexplorer.ui.support.Theme;
import dev.tokenexplorer.ui.manifest.ManifestView;
import dev.tokenexplorer.ui.manifest.ManifestViewModel;
import dev.tokenexplorer.ui.timeline.TimelineView;
import dev.tokenexplorer.ui.timeline.TimelineViewModel;
import dev.tokenexplorer.ui.token.TokenView;
import dev.tokenexplorer.ui.verify.KeysView;
import dev.tokenexplorer.ui.verify.KeysViewModel;
import dev.tokenexplorer.ui.token.TokenViewModel;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.prefs.Preferences;

/**
 * Wires the window's view models and views together. The application and the GUI tests both
 * build the window through here, so the tests exercise what users get.
 */
public final class MainWindow {

    private final InputViewModel model;
    private final DisplayZone zone;
    private final TokenViewModel tokenModel;
    private final TimelineViewModel timelineModel;
    private final KeysViewModel keysModel;
    private final ManifestViewModel manifestModel;
    private final AuditViewModel auditModel;
    private final Scene scene;
    private final MainView view;
    private final Supplier<MainWindow> hiddenTwin;

    public MainWindow(Clock clock, TaskExecutor executor, Preferences preferences, boolean dark, Consumer<Boolean> onThemeChange) {
        hiddenTwin = () -> new MainWindow(clock, executor, preferences, dark, on -> { });
        model = new InputViewModel(new Analyzer(clock), executor);
        zone = new DisplayZone(clock.getZone());
        tokenModel = new TokenViewModel(clock);
        tokenModel.tokenProperty().bind(model.selection().tokenProperty());
        tokenModel.zoneProperty().bind(zone.zoneProperty());
        timelineModel = new TimelineViewModel(clock);
        timelineModel.tokenProperty().bind(model.selection().tokenProperty());
        timelineModel.zoneProperty().bind(zone.zoneProperty());
        keysModel = new KeysViewModel(executor);
        model.settingsProperty().bind(keysModel.settingsProperty());
        manifestModel = new ManifestViewModel(executor);
        model.paste().reportProperty().addListener((obs, old, report) ->
                manifestModel.knownServiceAccounts().setAll(report == null ? List.of() : report.serviceAccounts()));
        auditModel = new AuditViewModel(executor, clock, () -> keysModel.settingsProperty().get().keys());
        applyTheme(dark);
        InputView inputView = new InputView(model, zone, new KeysView(keysModel));
        inputView.setOnAudit(() -> {
            view().showAudit();
            model.sources().auditOffer().take(auditModel);
        });
        inputView.setOnUseAsKeys(source -> {
            if (source.isWholeFile()) {
                keysModel.addKeyFiles(java.util.List.of(source.path())); // read again: the key file may have changed
            } else {
                keysModel.addKeysFromText(source.label(), source.text() != null ? source.text() : model.paste().inputTextProperty().get());
            }
        });
        TokenView tokenView = new TokenView(tokenModel, new TimelineView(timelineModel));
        tokenView.visibleProperty().bind(model.selection().detailProperty().isNull());
        StackPane explore = new StackPane(tokenView);
        // The details of a selection that is not a token (a kubeconfig context, a key...): built the
        // first time there is one, not styled and laid out hidden in every window's first frame.
        Lazily.when(model.selection().detailProperty(), java.util.Objects::nonNull, () -> {
            DetailsView detailsView = new DetailsView();
            detailsView.nodeProperty().bind(model.selection().detailProperty());
            detailsView.zoneProperty().bind(zone.zoneProperty());
            detailsView.visibleProperty().bind(model.selection().detailProperty().isNotNull());
            explore.getChildren().add(detailsView);
        });
        view = new MainView(model, zone, inputView, explore,
                () -> new ManifestView(manifestModel, model.selection().tokenProperty()),
                () -> new AuditView(auditModel, zone.zoneProperty(), secret -> {
                    model.openToken(Path.of(secret.source()), secret.label(), secret.token(), secret.findings());
                    view().showExplore(); // on a click, long after the constructor
                }),
                auditModel::audit, text -> auditModel.auditText("pasted dump", text), new RecentFiles(preferences), dark, on -> {
            applyTheme(on);
            onThemeChange.accept(on);
        });
        // 1280×800, or the screen's free area when it is smaller (a 1024×700 screen sees the whole window).
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(view, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
    }

    /** Sets the theme; setting the one in use again would restyle every window, so it is skipped. */
    public static void applyTheme(boolean dark) {
        String stylesheet = Theme.of(dark).url();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    /**
     * Once the window is on screen: shows an example in a hidden copy of this window, one step per
     * frame, so that the first real input is shown by warmed-up code ({@link WarmUp}). True when done.
     */
    public ReadOnlyBooleanProperty warmUp() {
        return WarmUp.start(hiddenTwin);
    }

    public InputViewModel model() {
        return model;
    }

    public DisplayZone zone() {
        return zone;
    }

    public TokenViewModel tokenModel() {
        return tokenModel;
    }

    public TimelineViewModel timelineModel() {
        return timelineModel;
    }

    public KeysViewModel keysModel() {
        return keysModel;
    }

    public AuditViewModel auditModel() {
        return auditModel;
    }

    public ManifestViewModel manifestModel() {
        return manifestModel;
    }

    MainView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }
}
