package ai.fireworks.sdk.examples.fwctl;

import ai.fireworks.sdk.core.ApiException;
import ai.fireworks.sdk.core.Durations;
import ai.fireworks.sdk.core.FireworksException;
import ai.fireworks.sdk.core.WaiterTimeoutException;
import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Maps failures to fwctl's exit status and a message on stderr: 2 for bad usage or input found
 * before anything was sent, 1 for everything else (API errors with status, code, message and
 * request id; network failures; timeouts). The API key is removed from every message.
 */
final class Errors implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {
  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  private final Fwctl root;

  Errors(Fwctl root) {
    this.root = root;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    PrintStream err = root.ctx.err;
    String message = redact(redact(ex.getMessage(), secretFrom(args)), root.ctx.env("FIREWORKS_API_KEY"));
    err.println("fwctl: " + message);
    CommandLine cl = ex.getCommandLine();
    err.println("See '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    return USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    Throwable e = unwrap(ex);
    PrintStream err = root.ctx.err;
    String secret = root.secret();
    int status;
    String message;
    if (e instanceof UsageException) {
      status = USAGE;
      message = "fwctl: " + e.getMessage();
    } else if (e instanceof IllegalArgumentException && root.requestsSent() == 0) {
      status = USAGE;
      message = "fwctl: " + inFlagTerms(e.getMessage(), cl.getParseResult());
    } else if (e instanceof ApiException) {
      status = FAILURE;
      message = "fwctl: " + describe((ApiException) e);
    } else if (e instanceof WaiterTimeoutException) {
      WaiterTimeoutException w = (WaiterTimeoutException) e;
      status = FAILURE;
      message = "fwctl: timed out after " + Durations.formatGo(w.elapsed().truncatedTo(ChronoUnit.SECONDS))
          + ": " + e.getMessage() + " (the operation goes on on the server; raise --wait-timeout to wait longer)";
    } else if (e instanceof FireworksException || e instanceof IllegalArgumentException) {
      status = FAILURE;
      message = "fwctl: " + e.getMessage();
    } else {
      status = FAILURE;
      message = "fwctl: unexpected error: " + e;
    }
    err.println(redact(message, secret));
    if (root.verbose && status == FAILURE) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      err.print(redact(trace.toString(), secret));
    }
    err.flush();
    return status;
  }

  /** Status, error code, message and request id of an API error, on one line. */
  static String describe(ApiException e) {
    StringBuilder b = new StringBuilder("API error: HTTP ").append(e.statusCode());
    e.errorCode().ifPresent(c -> b.append(' ').append(c));
    b.append(": ").append(e.errorMessage());
    b.append(" (request id: ").append(e.requestId().orElse("none")).append(')');
    return b.toString();
  }

  /**
   * An SDK refusal in the terms the user typed. The SDK starts such a message with the field it
   * refuses; if that field was set through a flag given on the command line ({@code acceleratorType}
   * from {@code --accelerator-type}: the flag's long name in camelCase), each given flag's field is
   * named as the flag throughout. Other messages, and nested fields such as {@code placement.region},
   * are left alone.
   */
  static String inFlagTerms(String message, CommandLine.ParseResult given) {
    if (message == null || given == null) {
      return message;
    }
    Map<String, String> flags = new LinkedHashMap<>();
    for (CommandLine.Model.OptionSpec option : given.matchedOptions()) {
      String flag = option.longestName();
      if (flag.startsWith("--")) {
        StringBuilder field = new StringBuilder();
        for (String word : flag.substring(2).split("-")) {
          field.append(field.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        flags.put(field.toString(), flag);
      }
    }
    if (!flags.containsKey(message.split("[\\s:,]", 2)[0])) {
      return message;
    }
    String result = message;
    for (Map.Entry<String, String> f : flags.entrySet()) {
      result = Pattern.compile("(?<![\\w.])" + Pattern.quote(f.getKey()) + "(?!\\w|\\.\\w)").matcher(result)
          .replaceAll(Matcher.quoteReplacement(f.getValue()));
    }
    return result;
  }

  static Throwable unwrap(Throwable e) {
    while ((e instanceof CompletionException || e instanceof ExecutionException
        || e instanceof CommandLine.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /**
   * {@code text} with every occurrence of {@code secret} replaced by {@code ****}. Secrets shorter
   * than 6 characters are not real keys and would mangle ordinary words, so they are left alone.
   */
  static String redact(String text, String secret) {
    if (text == null || secret == null || secret.length() < 6) {
      return text;
    }
    return text.replace(secret, "****");
  }

  private String secretFrom(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--api-key") && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith("--api-key=")) {
        return args[i].substring("--api-key=".length());
      }
    }
    return null;
  }
}
