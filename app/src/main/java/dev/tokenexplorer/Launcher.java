package dev.tokenexplorer;

import dev.tokenexplorer.cli.TokenExplorerCommand;
import dev.tokenexplorer.ui.TokenExplorerApp;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The plain main class: a subcommand runs the command line; anything else (nothing, or file
 * paths from a file manager's "Open with") opens the window. Not an Application subclass, so the
 * app runs from the classpath and from jpackage images without the JavaFX launcher checks.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (TokenExplorerCommand.wantsCli(args)) {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            System.exit(TokenExplorerCommand.run(args, System.in, out, err, Clock.systemUTC()));
        }
        TokenExplorerApp.launchWith(args);
    }
}
