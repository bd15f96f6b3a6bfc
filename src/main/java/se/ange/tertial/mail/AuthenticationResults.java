package se.ange.tertial.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code Authentication-Results} header read as RFC 8601 writes it: the authserv-id (a token or a quoted
 * string) with an optional version, then {@code ;}-separated results {@code method[/version] = result
 * [reason] [properties]}. Comments ({@code (…)}, nested, with quoted pairs) and folding whitespace (spaces,
 * tabs, line breaks) may stand between any two parts: {@code dmarc = fail}, {@code dmarc=(p=reject) fail} and
 * {@code dmarc=fail (p=reject)} all say that DMARC failed.
 *
 * @param authservId the server that stamped the header, lower case
 * @param results    the results in order; empty for {@code none}
 */
public record AuthenticationResults(String authservId, List<Result> results) {

    /** One method's result, both lower case, e.g. {@code dmarc} and {@code fail}. */
    public record Result(String method, String result) {
    }

    /** The results of that method, in order (a header may carry the same method more than once). */
    public List<String> of(String method) {
        return results.stream().filter(r -> r.method().equals(method)).map(Result::result).toList();
    }

    /** The header's value read, or empty when it is not an Authentication-Results header at all. */
    public static Optional<AuthenticationResults> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        List<String> parts = splitOutsideQuotes(withoutComments(header.replaceAll("\r?\n", " ")));
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<String> first = words(parts.get(0));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        String authservId = unquote(first.get(0)).toLowerCase(Locale.ROOT);
        List<Result> results = new ArrayList<>();
        for (String part : parts.subList(1, parts.size())) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                continue; // "none", or a part that is not a result
            }
            String method = part.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            int slash = method.indexOf('/');
            if (slash >= 0) {
                method = method.substring(0, slash).trim();
            }
            List<String> rest = words(part.substring(equals + 1));
            if (method.isEmpty() || rest.isEmpty() || !method.matches("[a-z0-9][a-z0-9_.-]*")) {
                continue;
            }
            results.add(new Result(method, rest.get(0).toLowerCase(Locale.ROOT)));
        }
        return Optional.of(new AuthenticationResults(authservId, List.copyOf(results)));
    }

    /** Comments replaced by a space; quoted strings kept whole. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < text.length()) {
                if (depth == 0) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
            } else if (quoted) {
                out.append(c);
                quoted = c != '"';
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
                if (depth == 0) {
                    out.append(' ');
                }
            } else if (depth == 0) {
                out.append(c);
                quoted = c == '"';
            }
        }
        return out.toString();
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                current.append(c).append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (c == ';' && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** Whitespace-separated words (spaces, tabs), {@code =} ending a word as well. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("[\\s=]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String unquote(String word) {
        return word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")
                ? word.substring(1, word.length() - 1).replaceAll("\\\\(.)", "$1") : word;
    }
}
