package dev.lvsunit.tools.shell;

import dev.lvsunit.tools.spi.NotSupportedException;
import java.util.ArrayList;
import java.util.List;

/**
 * A command line split into words as a POSIX shell splits it: blanks separate
 * words; single quotes keep everything; double quotes keep everything but
 * {@code \"}, {@code \\}, {@code \$} and {@code \`} escapes; a backslash
 * outside quotes escapes the next character. The one redirection understood is
 * {@code echo VALUE > FILE}.
 *
 * @param words the words, quotes removed
 * @param redirectTarget the file after {@code >}, or {@code null}
 */
public record CommandLine(List<String> words, String redirectTarget) {

    /**
     * Splits {@code line}.
     *
     * @throws ShellSyntaxException for an unterminated quote, as bash reports it
     * @throws NotSupportedException for shell syntax outside the spec format
     *     (pipes, lists, variables, substitutions)
     */
    public static CommandLine parse(String line) throws ShellSyntaxException {
        List<String> words = new ArrayList<>();
        List<Boolean> operator = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    operator.add(false);
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new ShellSyntaxException("bash: -c: line 1: unexpected EOF while looking for matching `''");
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = line.charAt(i);
                    if (d == '"') {
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '$' || d == '`') {
                        throw new NotSupportedException("shell expansion in \"" + line + "\"");
                    }
                    word.append(d);
                    i++;
                }
                if (!closed) {
                    throw new ShellSyntaxException("bash: -c: line 1: unexpected EOF while looking for matching `\"'");
                }
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 < n) {
                    word.append(line.charAt(i + 1));
                    inWord = true;
                }
                i += 2;
            } else if (c == '>') {
                if (inWord) {
                    words.add(word.toString());
                    operator.add(false);
                    word.setLength(0);
                    inWord = false;
                }
                words.add(">");
                operator.add(true);
                i++;
            } else if ("|;&<$`(){}".indexOf(c) >= 0 || (c == '#' && !inWord)) {
                throw new NotSupportedException("shell syntax '" + c + "' in \"" + line + "\"");
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
            operator.add(false);
        }
        int redirect = operator.indexOf(true);
        if (redirect < 0) {
            return new CommandLine(List.copyOf(words), null);
        }
        if (operator.lastIndexOf(true) != redirect || redirect != words.size() - 2
                || words.isEmpty() || !words.get(0).equals("echo")) {
            if (redirect == words.size() - 1) {
                throw new ShellSyntaxException("bash: -c: line 1: syntax error near unexpected token `newline'");
            }
            throw new NotSupportedException("redirection other than echo VALUE > FILE in \"" + line + "\"");
        }
        return new CommandLine(List.copyOf(words.subList(0, redirect)), words.get(redirect + 1));
    }
}
