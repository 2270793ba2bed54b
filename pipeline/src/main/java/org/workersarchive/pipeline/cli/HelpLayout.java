package org.workersarchive.pipeline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's help is laid out: each paragraph wrapped once, at the terminal's width, and
 * only at spaces; the examples in the footers kept whole, each on its line, to be copied as they
 * are. picocli's own wrapping breaks a line wherever Java's line BreakIterator allows, which is
 * also inside a URL or a file name ({@code tcp:} / {@code //10.0.0.5:61616}, {@code archive.} /
 * {@code properties.example}), and wrapped the examples too.
 */
final class HelpLayout {

    /** A full stop that ends a sentence: a capital follows ("e.g. rus" goes on), and it ends no "e.g." or "i.e.". */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\be\\.g|\\bi\\.e)\\. (?=\\p{Lu})");
    /** Room picocli keeps for the indent of a description's wrapped lines. */
    private static final int CONTINUATION_INDENT = 2;

    private HelpLayout() {
    }

    /** Lays out the help of the command and of all its subcommands, those registered now. */
    static CommandLine apply(CommandLine cli) {
        cli.setHelpFactory(SpaceWrappedHelp::new);
        Map<String, CommandLine.IHelpSectionRenderer> sections = cli.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
        sections.put(UsageMessageSpec.SECTION_KEY_FOOTER, HelpLayout::footer);
        cli.setHelpSectionMap(sections);
        cli.getSubcommands().values().forEach(HelpLayout::apply);
        return cli;
    }

    /** The command's description, a paragraph per element, each wrapped at the help's width. */
    static String description(Help help) {
        StringBuilder text = new StringBuilder();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            wrap(paragraph, width(help)).forEach(line -> text.append(line).append(System.lineSeparator()));
        }
        return text.toString();
    }

    /** A footer line that starts with a space is an example, kept whole; any other is wrapped. */
    static String footer(Help help) {
        StringBuilder text = new StringBuilder();
        for (String line : help.commandSpec().usageMessage().footer()) {
            for (String part : line.startsWith(" ") ? List.of(line) : wrap(line, width(help))) {
                text.append(part).append(System.lineSeparator());
            }
        }
        return text.toString();
    }

    /** Each subcommand with the first sentence of its description: a list to choose from, not the manual. */
    static String commandList(Help help) {
        Map<String, CommandLine> commands = help.commandSpec().subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 4;
        StringBuilder text = new StringBuilder();
        commands.forEach((name, command) -> {
            if (command.getCommandSpec().usageMessage().hidden()) {
                return;
            }
            List<String> lines = wrap(firstSentence(command.getCommandSpec()), width(help) - nameWidth);
            for (int i = 0; i < lines.size(); i++) {
                String label = i == 0 ? "  " + name : "";
                text.append(label).append(" ".repeat(nameWidth - label.length())).append(lines.get(i))
                        .append(System.lineSeparator());
            }
        });
        return text.toString();
    }

    /**
     * The command's header if it has one (picocli's help command does), else its description's first
     * sentence, up to a colon that opens the details ("Serves the archive in a browser: the documents
     * listed, ..."): what the command is for, in a line or two.
     */
    static String firstSentence(CommandSpec command) {
        String[] header = command.usageMessage().header();
        if (header.length > 0) {
            return header[0];
        }
        String[] description = command.usageMessage().description();
        String first = description.length == 0 ? "" : description[0];
        Matcher end = SENTENCE_END.matcher(first);
        String sentence = end.find() ? first.substring(0, end.start() + 1) : first;
        int depth = 0;
        for (int i = 0; i < sentence.length() - 1; i++) {
            char c = sentence.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ':' && depth == 0 && sentence.charAt(i + 1) == ' ') {
                return sentence.substring(0, i) + ".";
            }
        }
        return sentence;
    }

    private static int width(Help help) {
        return help.commandSpec().usageMessage().width();
    }

    /** Breaks the text at spaces into lines of at most the width (a longer word stands alone). */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** picocli's help, whose option and parameter descriptions are wrapped at spaces before its table sees them. */
    static final class SpaceWrappedHelp extends Help {

        SpaceWrappedHelp(CommandSpec spec, ColorScheme colors) {
            super(spec, colors);
        }

        @Override
        public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
                                          ColorScheme colors) {
            Layout layout = super.createDefaultLayout(options, positionals, colors);
            Column[] columns = layout.textTable().columns();
            Column description = columns[columns.length - 1];
            int width = description.width - description.indent - CONTINUATION_INDENT;
            IOptionRenderer optionRenderer = layout.optionRenderer();
            IParameterRenderer parameterRenderer = layout.parameterRenderer();
            return new Layout(colors, layout.textTable(),
                    (option, labels, scheme) -> rewrapped(optionRenderer.render(option, labels, scheme), width, scheme),
                    (parameter, labels, scheme) -> rewrapped(parameterRenderer.render(parameter, labels, scheme),
                            width, scheme));
        }

        /** The rows with their last column, the description, wrapped at spaces into rows of their own. */
        private static Text[][] rewrapped(Text[][] rows, int width, ColorScheme colors) {
            List<Text[]> result = new ArrayList<>();
            for (Text[] row : rows) {
                int last = row.length - 1;
                List<String> lines = wrap(row[last].plainString(), width);
                Text[] first = row.clone();
                first[last] = colors.text(lines.get(0));
                result.add(first);
                for (String line : lines.subList(1, lines.size())) {
                    Text[] next = new Text[row.length];
                    for (int column = 0; column < last; column++) {
                        next[column] = colors.text("");
                    }
                    next[last] = colors.text(line);
                    result.add(next);
                }
            }
            return result.toArray(Text[][]::new);
        }
    }
}
