package org.workersarchive.pipeline.cli;

import java.util.List;
import org.workersarchive.core.FileNames;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line the program cannot take (an unknown command or option, a value of the wrong kind,
 * a required option left out, a file that is not there) is said in one line that names the problem
 * and where to look for the fix, with exit status 2. picocli's own answer was the message followed by
 * the whole help, in which the message was lost.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        CommandSpec spec = cli.getCommandSpec();
        cli.getErr().println(spec.qualifiedName() + ": " + FileNames.printable(problem(ex)) + "; see ./" + spec.qualifiedName() + " --help");
        return spec.exitCodeOnInvalidInput();
    }

    /** The message, said as a person would, with picocli's suggestions for a misspelt word. */
    private static String problem(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return ex.getMessage();
        }
        String word = unmatched.getUnmatched().get(0);
        List<String> suggestions = unmatched.getSuggestions();
        String didYouMean = suggestions.isEmpty() ? "" : " (did you mean " + String.join(" or ", suggestions) + "?)";
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (!spec.subcommands().isEmpty() && !word.startsWith("-")) {
            return "unknown command '" + word + "'" + didYouMean + "; the commands: " + ArchiveCli.commandNames(spec);
        }
        return (word.startsWith("-") ? "unknown option '" : "unexpected argument '") + word + "'" + didYouMean;
    }
}
