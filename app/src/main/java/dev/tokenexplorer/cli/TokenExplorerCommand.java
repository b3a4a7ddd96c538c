package dev.tokenexplorer.cli;

import dev.tokenexplorer.core.Analyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** {@code token-explorer}: the command line front end. With no subcommand the GUI starts instead. */
@Command(name = "token-explorer",
        mixinStandardHelpOptions = true,
        versionProvider = TokenExplorerCommand.Version.class,
        description = "Explains Kubernetes service account tokens, offline.%n"
                + "Run without a subcommand (or with only files) to open the window.")
public final class TokenExplorerCommand implements Runnable {

    private static final Set<String> CLI_WORDS = Set.of("inspect", "audit", "manifest", "help", "--help", "-h", "--version", "-V");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Whether these arguments ask for the command line rather than the window. */
    public static boolean wantsCli(String[] args) {
        return args.length > 0 && CLI_WORDS.contains(args[0]);
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, Clock clock) {
        CommandLine cli = new CommandLine(new TokenExplorerCommand(), new Factory(stdin, clock));
        // Before the settings below, which reach only the subcommands present when they are set.
        addSubcommands(cli, args.length > 0 ? args[0] : null);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> ExitCodes.UNREADABLE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // A bug: one line naming what failed, never a stack trace; 1 is kept for --strict.
            commandLine.getErr().println("token-explorer: " + Analyzer.internalError("the command line's inputs", e));
            return ExitCodes.UNREADABLE;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            err.println("token-explorer: " + Analyzer.internalError("the command line's inputs", e));
            code = ExitCodes.UNREADABLE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InspectCommand.class, AuditCommand.class, ManifestCommand.class,
            CommandLine.HelpCommand.class);

    /**
     * The subcommands picocli builds: only the one named first, when it is one, else all. picocli
     * reads every option of every subcommand it is given through reflection; a command needs only
     * its own (a small saving: about 20 ms of the 0.7 s of CPU an audit of 10 Secrets takes).
     */
    private static void addSubcommands(CommandLine cli, String first) {
        // help describes the others, so it needs them all.
        boolean onlyFirst = !"help".equals(first) && SUBCOMMANDS.stream().anyMatch(type -> name(type).equals(first));
        for (Class<?> type : SUBCOMMANDS) {
            if (!onlyFirst || name(type).equals(first)) {
                cli.addSubcommand(type);
            }
        }
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** Hands the subcommands their standard input and clock, so tests can give their own. */
    private record Factory(InputStream stdin, Clock clock) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == InspectCommand.class) {
                return type.cast(new InspectCommand(stdin, clock));
            }
            if (type == AuditCommand.class) {
                return type.cast(new AuditCommand(stdin, clock));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TokenExplorerCommand.class.getPackage().getImplementationVersion();
            return new String[]{"token-explorer " + (version == null ? "(development build)" : version)};
        }
    }
}
